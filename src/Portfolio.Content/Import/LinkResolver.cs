using Markdig.Helpers;
using Portfolio.Content.Data;
using Portfolio.Content.Loading;
using Portfolio.Content.Text;

namespace Portfolio.Content.Import;

/// <summary>An entry as links see it: what names it (path, slug, title) and the headings that lead to it.</summary>
internal sealed record LinkableEntry(
    int Id, int SourceFileId, string Key, EntryKind Kind, string Slug, string Title, string? Label, string ParentKey, string SourcePath, bool IsDraft,
    Dictionary<string, string> Anchors);

/// <summary>A link to resolve: where it is written, and what it names.</summary>
internal sealed record LinkQuery(int SourceEntryId, string SourcePath, string Written, string Target, bool IsWikilink, string? Fragment);

/// <summary>Where a link leads (its entry, the heading on that entry's page, and the address), or why it leads nowhere.</summary>
internal sealed record LinkResolution(LinkableEntry? Target, string? Fragment, string? Href, string? Problem)
{
    public static LinkResolution Broken(string problem) => new(null, null, null, problem);
}

/// <summary>
/// Resolves links between entries in memory, against every entry of the database after an import's writes: a
/// relative link names a file or folder, a wikilink a path, "parent/slug", a slug or a title, case-insensitively.
/// </summary>
internal sealed class LinkResolver
{
    /// <summary>The files a link to a folder leads to, in the order they are looked for.</summary>
    private static readonly string[] FolderIndexes = ["index.md", "_index.md", "index.markdown"];

    private readonly IReadOnlySet<string> _documents;
    private readonly Dictionary<string, LinkableEntry> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<int, LinkableEntry> _byId = [];
    private readonly Dictionary<string, List<LinkableEntry>> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _documentsIgnoringCase = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILookup<string, LinkableEntry> _bySlug;
    private readonly ILookup<string, LinkableEntry> _byTitle;
    private readonly ILookup<string, LinkableEntry> _byParentAndSlug;

    /// <param name="entries">Every entry, in id order: a file's first entry is the one its file is (its others are children).</param>
    /// <param name="documents">Every Markdown file of the folder, loaded or not.</param>
    public LinkResolver(IReadOnlyList<LinkableEntry> entries, IReadOnlySet<string> documents)
    {
        _documents = documents;
        foreach (var document in documents)
        {
            _documentsIgnoringCase.TryAdd(document, document);
        }

        foreach (var entry in entries)
        {
            _byKey[entry.Key] = entry;
            _byId[entry.Id] = entry;
            if (!_byPath.TryGetValue(entry.SourcePath, out var inFile))
            {
                _byPath[entry.SourcePath] = inFile = [];
            }

            inFile.Add(entry);
        }

        _bySlug = entries.ToLookup(e => e.Slug, StringComparer.OrdinalIgnoreCase);
        _byTitle = entries.SelectMany(e => e.Label is null ? [(e.Title, e)] : new[] { (e.Title, e), ($"{e.Label}: {e.Title}", e) })
            .ToLookup(t => t.Item1.Trim(), t => t.e, StringComparer.OrdinalIgnoreCase);
        _byParentAndSlug = entries.Where(e => e.ParentKey.Length > 0 && _byKey.ContainsKey(e.ParentKey))
            .ToLookup(e => _byKey[e.ParentKey].Slug + "/" + e.Slug, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Where a link leads, or why it leads nowhere.</summary>
    public LinkResolution Resolve(LinkQuery link) => link.IsWikilink ? ResolveWikilink(link) : ResolveFile(link);

    private LinkResolution ResolveFile(LinkQuery link)
    {
        var what = $"link '{link.Written}'";
        var candidates = ContentPaths.IsMarkdown(link.Target) || ContentPaths.IsBadge(link.Target)
            ? [link.Target]
            : FolderIndexes.Select(index => $"{link.Target}/{index}").Append(link.Target + ".md").ToArray();
        if (candidates.FirstOrDefault(_documents.Contains) is not { } path)
        {
            var suggestion = EditDistance.Closest(candidates[0], _documents, name: Path.GetFileNameWithoutExtension(link.Target));
            var mean = suggestion is null ? "" : $" (did you mean '{Relative(ContentPaths.DirectoryOf(link.SourcePath), suggestion)}'?)";
            return LinkResolution.Broken($"{what} not found: there is no {(candidates.Length == 1 ? "file " : "")}content/{candidates[0]}{mean}; it is shown as text");
        }

        return InFile(link, what, path, entry: null);
    }

    private LinkResolution ResolveWikilink(LinkQuery link)
    {
        var what = $"wikilink '[[{link.Written}]]'";
        var name = link.Target.Trim();
        if (name.Length == 0)
        {
            // [[#heading]]: a heading of the linking file.
            return InFile(link, what, link.SourcePath, _byId.GetValueOrDefault(link.SourceEntryId));
        }

        var matches = Named(name);
        if (matches.Count == 1)
        {
            return InFile(link, what, matches[0].SourcePath, matches[0]);
        }

        if (matches.Count > 1)
        {
            var forms = matches.Take(4).Select(e => $"[[{UniqueName(e)}]] ({e.Kind.DisplayName().ToLowerInvariant()})");
            return LinkResolution.Broken($"{what} is ambiguous: '{name}' names {matches.Count} entries: {string.Join(", ", forms)}; write one of those; it is shown as text");
        }

        var suggestion = EditDistance.Closest(name, _bySlug.Select(g => g.Key).Concat(_byTitle.Select(g => g.Key)));
        var mean = suggestion is null ? "" : $" (did you mean [[{suggestion}]]?)";
        return LinkResolution.Broken($"{what} not found: no entry has the slug or title '{name}'{mean}; it is shown as text");
    }

    /// <summary>The entries a wikilink's name names: "parent/slug" or a file's path, else a slug, else a title (as written, or as a slug).</summary>
    private List<LinkableEntry> Named(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            var split = name.LastIndexOf('/');
            var child = _byParentAndSlug[Slug.From(name[..split]) + "/" + Slug.From(name[(split + 1)..])].ToList();
            if (child.Count > 0)
            {
                return child;
            }

            var path = name.Trim('/');
            var file = (ContentPaths.IsMarkdown(path) ? [path] : new[] { path + ".md", path + "/index.md", path + "/_index.md" })
                .Select(p => _documentsIgnoringCase.GetValueOrDefault(p))
                .FirstOrDefault(p => p is not null && _byPath.ContainsKey(p));
            return file is null ? [] : [_byPath[file][0]];
        }

        List<LinkableEntry> bySlug = [.. _bySlug[name]];
        if (bySlug.Count > 0)
        {
            return bySlug;
        }

        List<LinkableEntry> byTitle = [.. _byTitle[name].Distinct()];
        return byTitle.Count > 0 ? byTitle : [.. _bySlug[Slug.From(name)]];
    }

    /// <summary>
    /// The entry of a file a link leads to, at the heading it asks for: the heading may be on the named entry's page or
    /// on another entry of its file (a link to a guide's heading leads to the module that shows it).
    /// </summary>
    private LinkResolution InFile(LinkQuery link, string what, string path, LinkableEntry? entry)
    {
        if (!_byPath.TryGetValue(path, out var inFile))
        {
            return LinkResolution.Broken($"{what} leads to content/{path}, which has errors and is not loaded; it is shown as text");
        }

        entry ??= inFile[0];
        if (link.Fragment is not { } fragment)
        {
            return Live(link, what, entry, null);
        }

        foreach (var id in new[] { fragment, fragment.ToLowerInvariant(), LinkHelper.UrilizeAsGfm(fragment) }.Distinct(StringComparer.Ordinal))
        {
            foreach (var candidate in inFile.Where(e => ReferenceEquals(e, entry)).Concat(inFile.Where(e => !ReferenceEquals(e, entry))))
            {
                if (candidate.Anchors.TryGetValue(id, out var kept))
                {
                    return Live(link, what, candidate, kept.Length == 0 ? null : kept);
                }
            }
        }

        var suggestion = EditDistance.Closest(fragment, inFile.SelectMany(e => e.Anchors.Keys));
        var mean = suggestion is null ? "" : $" (did you mean '#{suggestion}'?)";
        return LinkResolution.Broken($"{what} not found: content/{path} has no heading '#{fragment}'{mean}; it is shown as text");
    }

    private LinkResolution Live(LinkQuery link, string what, LinkableEntry entry, string? fragment)
    {
        if (entry.Kind == EntryKind.Page)
        {
            return LinkResolution.Broken($"{what} leads to content/{entry.SourcePath}, which is outside programs/, certifications/ and guides/ and has no page of its own; it is shown as text");
        }

        if (entry.IsDraft)
        {
            return LinkResolution.Broken($"{what} leads to a draft, content/{entry.SourcePath}; it is shown as text until the draft is published");
        }

        string? parentSlug = null;
        if (entry.ParentKey.Length > 0)
        {
            if (!_byKey.TryGetValue(entry.ParentKey, out var parent))
            {
                return LinkResolution.Broken($"{what} leads to content/{entry.SourcePath}, whose '{entry.ParentKey}' is not loaded; it is shown as text");
            }

            parentSlug = parent.Slug;
        }

        if (entry.Id == link.SourceEntryId && fragment is not null)
        {
            // A heading of the linking page itself: the browser need not load the page again.
            return new LinkResolution(entry, fragment, "#" + fragment, null);
        }

        var url = EntryUrls.Of(entry.Kind, entry.Slug, parentSlug);
        var href = fragment is null ? url : (url.Contains('#', StringComparison.Ordinal) ? url[..url.IndexOf('#', StringComparison.Ordinal)] : url) + "#" + fragment;
        return new LinkResolution(entry, fragment, href, null);
    }

    /// <summary>The name a wikilink can name only this entry by: its parent's slug and its own, or its file's path.</summary>
    private string UniqueName(LinkableEntry entry) =>
        entry.ParentKey.Length > 0 && _byKey.TryGetValue(entry.ParentKey, out var parent)
            ? $"{parent.Slug}/{entry.Slug}"
            : entry.SourcePath.Contains('/', StringComparison.Ordinal) && Path.GetFileNameWithoutExtension(entry.SourcePath) is "index" or "_index"
                ? entry.SourcePath[..entry.SourcePath.LastIndexOf('/')]
                : entry.SourcePath[..entry.SourcePath.LastIndexOf('.')];

    /// <summary>A path of the content folder as a link from a folder would write it.</summary>
    private static string Relative(string fromDirectory, string path)
    {
        var from = fromDirectory.Length == 0 ? [] : fromDirectory.Split('/');
        var to = path.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        return string.Concat(Enumerable.Repeat("../", from.Length - common)) + string.Join('/', to.Skip(common));
    }
}
