using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.FrontMatter;
using Portfolio.Content.Text;

namespace Portfolio.Content.Loading;

/// <summary>Where a Markdown file's entry is served: its kind, slug and parent, from its folder unless its front matter declares them.</summary>
internal readonly record struct EntryAddress(EntryKind Kind, string Slug, string ParentKey)
{
    /// <summary>The address of the file's entry, with warnings for fields that do not set it; null, with an error, when it has none.</summary>
    public static EntryAddress? Of(string path, FrontMatterFields fields, DiagnosticBag diagnostics, Action<SourceLocation, string> warn)
    {
        var (kind, slug, parentKey, knownFolder) = ContentPaths.Classify(path);
        // Hugo's 'type' names the kind as 'kind' does when it is one of this site's; any other type, and any layout or template, is left to the folder.
        var type = fields.Templates.Find(t => t.Key.Equals("type", StringComparison.OrdinalIgnoreCase) && DeclaredKind(t.Value) is not null);
        if ((fields.Kind ?? type.Value) is { } declared)
        {
            if (DeclaredKind(declared) is { } parsed)
            {
                kind = parsed;
                knownFolder = true;
            }
            else
            {
                var at = fields.LocationOf("kind", new SourceLocation(path, 1, 1));
                diagnostics.Error(at.Line, at.Column, $"'kind' must be program, certification, guide or page; got '{declared}'");
                return null;
            }
        }

        foreach (var template in fields.Templates.Where(t => t != type && !t.Value.Equals(kind.Slug(), StringComparison.OrdinalIgnoreCase)))
        {
            warn(template.At, DeclaredKind(template.Value) is null
                ? $"'{template.Key}: {template.Value}' is not a kind of this site (program, certification, guide or page) and is ignored; the kind comes from the folder: {kind.Slug()}"
                : $"'{template.Key}: {template.Value}' does not set the kind (only 'kind' and 'type' do) and is ignored; the kind comes from the folder: {kind.Slug()}");
        }

        if (!knownFolder)
        {
            diagnostics.Warning(1, 1, $"'{path}' is not in a known folder ({string.Join("/, ", ContentPaths.Folders.Keys)}/); it is loaded as a page");
        }

        if (fields.Slug is null && fields.Permalink is { } permalink && OldAddressPaths.SlugOf(permalink.Path) is { Length: > 0 } permalinkSlug && permalinkSlug != slug)
        {
            warn(permalink.At, $"'permalink' is a path ('{permalink.Path}'); the slug is '{permalinkSlug}', and the old address redirects to the page");
            slug = permalinkSlug;
        }

        slug = fields.Slug ?? slug;
        if (slug.Length == 0)
        {
            diagnostics.Error(1, 1, "the file name has no letters or digits to make a URL slug from; rename the file or add a 'slug' field");
            return null;
        }

        return new EntryAddress(kind, slug, parentKey);
    }

    /// <summary>The kind a 'kind' (or Hugo's 'type') may name: program, certification, guide or page.</summary>
    private static EntryKind? DeclaredKind(string text) =>
        Enum.TryParse<EntryKind>(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed)
            && parsed is EntryKind.Program or EntryKind.Certification or EntryKind.Guide or EntryKind.Page
                ? parsed
                : null;
}
