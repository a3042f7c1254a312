namespace Portfolio.Content.Data;

/// <summary>A file an entry serves beneath its page, stored at import: a badge's picture, its issuer's, its original file.</summary>
public sealed class EntryFile
{
    public int EntryId { get; set; }

    /// <summary>The file's address below the entry's page: "image.png", "download/teamwork.json".</summary>
    public required string Name { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Bytes { get; set; }
}
