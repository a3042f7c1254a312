using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Loading;

/// <summary>What one content file yields: its entries (parents before children) with their tag names, and its diagnostics.</summary>
public sealed class LoadedDocument(string path)
{
    private readonly Dictionary<Entry, List<string>> _tagNames = [];
    private readonly Dictionary<Entry, string> _searchText = [];
    private readonly Dictionary<Entry, byte[]> _bodies = [];

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

    /// <summary>The plain text of an entry's body, for the search index.</summary>
    public string SearchTextOf(Entry entry) => _searchText.GetValueOrDefault(entry, "");

    internal void SetSearchText(Entry entry, string text) => _searchText[entry] = text;

    /// <summary>The stored form of an entry's body: made by <see cref="EncodeBodies"/> if it ran, else now.</summary>
    public byte[] BodyOf(Entry entry) => _bodies.TryGetValue(entry, out var body) ? body : EntryBody.Encode(entry);

    /// <summary>
    /// Encodes every entry's body, so that the work is done where the file is parsed rather than where it is written.
    /// The entries then let go of their HTML, table of contents and topics: the importer holds hundreds of parsed files
    /// while they wait for the writer, and what outlives a few collections costs the most to collect.
    /// </summary>
    public void EncodeBodies()
    {
        foreach (var entry in Entries)
        {
            _bodies[entry] = EntryBody.Encode(entry);
            entry.Html = "";
            entry.Toc = [];
            entry.Topics = [];
        }
    }

    internal void Add(Entry entry, IEnumerable<string> tagNames)
    {
        Entries.Add(entry);
        _tagNames[entry] = tagNames.ToList();
    }
}
