using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Loading;

/// <summary>What one content file yields: its entries (parents before children) with their tag names, and its diagnostics.</summary>
public sealed class LoadedDocument(string path)
{
    private readonly Dictionary<Entry, List<string>> _tagNames = [];

    /// <summary>The plain text of each entry's body, until <see cref="DetachBodies"/> has made the search text from it.</summary>
    private readonly Dictionary<Entry, string> _searchText = [];

    private readonly Dictionary<Entry, EntryBody> _bodies = [];
    private readonly Dictionary<Entry, string> _searchBodies = [];
    private readonly Dictionary<Entry, List<EntryLinkRequest>> _links = [];
    private readonly Dictionary<Entry, List<EntryFile>> _files = [];

    /// <summary>The file, relative to the content folder.</summary>
    public string Path { get; } = path;

    /// <summary>Every entry of the file, parents before their children, in source order.</summary>
    public List<Entry> Entries { get; } = [];

    /// <summary>Everything reported about the file, including its sidecar.</summary>
    public List<ContentDiagnostic> Diagnostics { get; } = [];

    /// <summary>True when an error keeps the file from loading.</summary>
    public bool Failed => Diagnostics.Exists(d => d.IsError);

    /// <summary>The tag names as the author wrote them, before aliases are applied.</summary>
    public IReadOnlyList<string> TagNamesOf(Entry entry) => _tagNames.TryGetValue(entry, out var names) ? names : [];

    internal void SetSearchText(Entry entry, string text) => _searchText[entry] = text;

    /// <summary>The files an entry serves beneath its page (a badge's pictures and original file).</summary>
    public IReadOnlyList<EntryFile> FilesOf(Entry entry) => _files.TryGetValue(entry, out var files) ? files : [];

    internal void SetFiles(Entry entry, List<EntryFile> files) => _files[entry] = files;

    /// <summary>The links from an entry's text to other entries, in the order they are written.</summary>
    internal IReadOnlyList<EntryLinkRequest> LinksOf(Entry entry) => _links.TryGetValue(entry, out var links) ? links : [];

    internal void AddLink(Entry entry, EntryLinkRequest link)
    {
        if (!_links.TryGetValue(entry, out var links))
        {
            _links[entry] = links = [];
        }

        links.Add(link);
    }

    /// <summary>
    /// What the search index reads as an entry's text: its own description (not an excerpt of the text), its summary and
    /// its plain text. Made by <see cref="DetachBodies"/> if it ran, else now.
    /// </summary>
    public string SearchBodyOf(Entry entry) => _searchBodies.TryGetValue(entry, out var body) ? body : SearchBody(entry);

    private string SearchBody(Entry entry) =>
        string.Join('\n', new[] { entry.DescriptionIsExcerpt ? null : entry.Description, entry.Summary, _searchText.GetValueOrDefault(entry) }
            .Where(part => !string.IsNullOrEmpty(part)).Distinct(StringComparer.Ordinal));

    /// <summary>An entry's page body: the one <see cref="DetachBodies"/> set aside if it ran, else the entry's own.</summary>
    public EntryBody BodyOf(Entry entry) => _bodies.TryGetValue(entry, out var body) ? body : new EntryBody { Html = entry.Html, Toc = entry.Toc, Topics = entry.Topics };

    /// <summary>
    /// Moves every entry's body and search text out of the entry on the parsing thread, so that the entries the
    /// importer holds while they wait for the single writer are small, and the writer only writes.
    /// </summary>
    public void DetachBodies()
    {
        foreach (var entry in Entries)
        {
            _bodies[entry] = BodyOf(entry);
            _searchBodies[entry] = SearchBody(entry);
            entry.Html = "";
            entry.Toc = [];
            entry.Topics = [];
        }

        _searchText.Clear();
    }

    internal void Add(Entry entry, IEnumerable<string> tagNames)
    {
        Entries.Add(entry);
        _tagNames[entry] = tagNames.ToList();
    }
}
