using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Portfolio.Content.Badges;

/// <summary>
/// The JSON files of badges/, read once per import: an Open Badges 2.0 assertion names its BadgeClass and Issuer by a
/// relative path or by an id, and finds them here. Every badge depends on them, so their hash is part of each badge's.
/// </summary>
internal sealed class BadgeFolder
{
    private readonly Lazy<Dictionary<string, SiblingJson>> _byId;
    private readonly Lazy<Dictionary<string, SiblingJson>> _byPath;

    public BadgeFolder(IReadOnlyDictionary<string, byte[]> files)
    {
        Files = files;
        _byPath = new(() => Parse(files));
        _byId = new(() => _byPath.Value.Values
            .Select(f => (File: f, Id: f.Root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null))
            .Where(f => f.Id is { Length: > 0 })
            .GroupBy(f => f.Id!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().File, StringComparer.Ordinal));
        Hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + Convert.ToHexString(SHA256.HashData(f.Value)))))));
    }

    /// <summary>No JSON files: for a badge loaded on its own.</summary>
    public static BadgeFolder Empty { get; } = new(new Dictionary<string, byte[]>());

    /// <summary>The JSON files by path relative to the content folder.</summary>
    public IReadOnlyDictionary<string, byte[]> Files { get; }

    /// <summary>A hash of every file's path and bytes.</summary>
    public string Hash { get; }

    /// <summary>
    /// The file a badge in <paramref name="directory"/> names: by a relative path ("badgeclass.json", "../issuers/x.json"),
    /// else by the id a file has ("https://example.org/robotics-badge.json").
    /// </summary>
    public SiblingJson? Find(string reference, string directory)
    {
        if (!Uri.TryCreate(reference, UriKind.Absolute, out _) && Markdown.LinkPolicy.Resolve(directory, reference.Split('#')[0]) is { } path
            && _byPath.Value.TryGetValue(path, out var file))
        {
            return file;
        }

        return _byId.Value.GetValueOrDefault(reference);
    }

    private static Dictionary<string, SiblingJson> Parse(IReadOnlyDictionary<string, byte[]> files)
    {
        var parsed = new Dictionary<string, SiblingJson>(StringComparer.Ordinal);
        foreach (var (path, bytes) in files)
        {
            try
            {
                using var document = JsonDocument.Parse(bytes);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    parsed[path] = new SiblingJson(path, document.RootElement.Clone());
                }
            }
            catch (JsonException)
            {
                // A malformed file is reported when it is loaded itself; it is no one's BadgeClass.
            }
        }

        return parsed;
    }
}
