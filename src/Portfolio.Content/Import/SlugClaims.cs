using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Import;

/// <summary>Which file owns each entry key (and so each page's address) when two files claim one.</summary>
internal static class SlugClaims
{
    /// <summary>
    /// Keys are unique across the site. Of two files that claim one, the first in path order wins, so a cold import and
    /// any sequence of incremental imports agree; the other file is skipped with an error that names both. A file's own
    /// keys are unique already: the loader numbers a repeated slug.
    /// </summary>
    public static void Claim(LoadedDocument document, Dictionary<string, (string Path, int Line)> owners, Action<ContentDiagnostic> evict)
    {
        foreach (var entry in document.Entries)
        {
            if (owners.TryGetValue(entry.Key, out var owner))
            {
                var kind = entry.Kind.ToString().ToLowerInvariant();
                // A badge file has no front matter to set a slug in: its name is its slug.
                var remedy = entry.Kind == EntryKind.Badge ? "rename one of the files" : "set a different 'slug'";
                if (string.CompareOrdinal(owner.Path, document.Path) < 0)
                {
                    document.Diagnostics.Add(new ContentDiagnostic(document.Path, entry.SourceLine, 1, DiagnosticSeverity.Error,
                        $"duplicate slug '{entry.Slug}': the {kind} at {owner.Path}:{owner.Line} has it too; this file is skipped ({remedy})"));
                    foreach (var key in owners.Where(o => o.Value.Path == document.Path).Select(o => o.Key).ToList())
                    {
                        owners.Remove(key);
                    }

                    return;
                }

                evict(new ContentDiagnostic(owner.Path, owner.Line, 1, DiagnosticSeverity.Error,
                    $"duplicate slug '{entry.Slug}': the {kind} at {document.Path}:{entry.SourceLine} has it too; this file is skipped ({remedy})"));
                foreach (var key in owners.Where(o => o.Value.Path == owner.Path).Select(o => o.Key).ToList())
                {
                    owners.Remove(key);
                }
            }

            owners[entry.Key] = (document.Path, entry.SourceLine);
        }
    }
}
