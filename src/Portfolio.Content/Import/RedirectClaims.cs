using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Import;

/// <summary>Which old addresses (aliases and permalinks) are served as redirects when pages, or two entries, claim one.</summary>
internal static class RedirectClaims
{
    /// <summary>
    /// Decides which old addresses are served: not one that is a page's own address, nor one an entry earlier in path
    /// order has already, so that a cold import and any run of incremental ones agree. Those left out are reported.
    /// </summary>
    public static void Settle(PortfolioDbContext db, Action<int, ContentDiagnostic> warn)
    {
        var redirects = db.Redirects
            .Select(r => new { r.Id, r.Path, r.SourcePath, r.Line, r.Column, r.Entry!.SourceFileId, EntryPath = r.Entry.SourcePath, r.Entry.Kind, r.Entry.Slug, r.Entry.ParentKey })
            .AsEnumerable()
            .OrderBy(r => r.EntryPath, StringComparer.Ordinal).ThenBy(r => r.Line).ThenBy(r => r.Column)
            .ToList();
        if (redirects.Count == 0)
        {
            return;
        }

        var pages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in db.Entries.Select(e => new { e.Kind, e.Slug, e.ParentKey, e.SourcePath }).AsEnumerable().Where(e => EntryUrls.HasPage(e.Kind)))
        {
            pages.TryAdd(EntryUrls.Of(page.Kind, page.Slug, EntryUrls.ParentSlugOf(page.ParentKey)), page.SourcePath);
        }

        var served = new Dictionary<string, (string Path, int Line)>(StringComparer.OrdinalIgnoreCase);
        var ignored = new List<int>();
        foreach (var redirect in redirects)
        {
            string? problem = null;
            if (!EntryUrls.HasPage(redirect.Kind))
            {
                problem = $"the alias '{redirect.Path}' is ignored: a file outside {string.Join(", ", ContentPaths.Folders.Keys.Select(f => f + "/"))} has no page of its own to lead to";
            }
            else if (string.Equals(redirect.Path, EntryUrls.Of(redirect.Kind, redirect.Slug, EntryUrls.ParentSlugOf(redirect.ParentKey)), StringComparison.OrdinalIgnoreCase))
            {
                // The page's own address, as a permalink often is: nothing to redirect.
            }
            else if (pages.TryGetValue(redirect.Path, out var page))
            {
                problem = $"the alias '{redirect.Path}' is the address of the page of {page}; it is ignored";
            }
            else if (served.TryGetValue(redirect.Path, out var first))
            {
                problem = $"the alias '{redirect.Path}' is already an alias at {first.Path}:{first.Line}; it is ignored";
            }
            else
            {
                served[redirect.Path] = (redirect.SourcePath, redirect.Line);
                continue;
            }

            ignored.Add(redirect.Id);
            if (problem is not null)
            {
                warn(redirect.SourceFileId, new ContentDiagnostic(redirect.SourcePath, redirect.Line, redirect.Column, DiagnosticSeverity.Warning, problem));
            }
        }

        db.Redirects.ExecuteUpdate(r => r.SetProperty(x => x.Ignored, x => ignored.Contains(x.Id)));
    }
}
