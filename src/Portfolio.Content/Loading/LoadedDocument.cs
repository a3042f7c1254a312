using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Loading;

/// <summary>What one content file yields: its entries (parents before children) with their tag names, and its diagnostics.</summary>
public sealed class LoadedDocument(string path)
{
    private readonly Dictionary<Entry, List<string>> _tagNames = [];

    /// <summary>The plain text of each entry's body, until <see cref="EncodeBodies"/> has made the search text from it.</summary>
    private readonly Dictionary<Entry, string> _searchText = [];

    private readonly Dictionary<Entry, byte[]> _bodies = [];
    private readonly Dictionary<Entry, byte[]> _searchBodies = [];

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

    /// <summary>
    /// What the search index reads as an entry's text, as UTF-8: its own description (not an excerpt of the text), its
    /// summary and its plain text. Made by <see cref="EncodeBodies"/> if it ran, else now.
    /// </summary>
    public byte[] SearchBodyOf(Entry entry) => _searchBodies.TryGetValue(entry, out var body) ? body : SearchBody(entry);

    private byte[] SearchBody(Entry entry)
    {
        // Encoded part by part into one array: joining them first would copy the whole text once more.
        string?[] parts = [entry.DescriptionIsExcerpt ? null : entry.Description, entry.Summary, _searchText.GetValueOrDefault(entry)];
        var utf8 = System.Text.Encoding.UTF8;
        var length = -1;
        foreach (var part in parts)
        {
            length += string.IsNullOrEmpty(part) ? 0 : utf8.GetByteCount(part) + 1;
        }

        var bytes = new byte[Math.Max(length, 0)];
        var at = 0;
        foreach (var part in parts)
        {
            if (!string.IsNullOrEmpty(part))
            {
                if (at > 0)
                {
                    bytes[at++] = (byte)'\n';
                }

                at += utf8.GetBytes(part, bytes.AsSpan(at));
            }
        }

        return bytes;
    }

    /// <summary>The stored form of an entry's body: made by <see cref="EncodeBodies"/> if it ran, else now.</summary>
    public byte[] BodyOf(Entry entry) => _bodies.TryGetValue(entry, out var body) ? body : EntryBody.Encode(entry);

    /// <summary>
    /// Encodes every entry's body and search text, so that the work is done where the file is parsed rather than where
    /// it is written (SQLite would otherwise turn each text from UTF-16 into UTF-8 itself, on the writer's thread). The
    /// entries then let go of their HTML, table of contents and topics, and the document of its plain texts: the
    /// importer holds hundreds of parsed files while they wait for the writer, and what outlives a few collections costs
    /// the most to collect.
    /// </summary>
    public void EncodeBodies()
    {
        foreach (var entry in Entries)
        {
            _bodies[entry] = EntryBody.Encode(entry);
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
