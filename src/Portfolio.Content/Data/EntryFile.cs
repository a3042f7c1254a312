namespace Portfolio.Content.Data;

/// <summary>A file an entry serves beneath its page, stored at import: a badge's picture, its issuer's, its original file.</summary>
public sealed class EntryFile
{
    /// <summary>The entry that serves the file; the file goes with it.</summary>
    public int EntryId { get; set; }

    /// <summary>The file's address below the entry's page: "image.png", "download/teamwork.json".</summary>
    public required string Name { get; set; }

    /// <summary>The media type it is served with ("image/png", "application/json").</summary>
    public required string ContentType { get; set; }

    /// <summary>The file, byte for byte.</summary>
    public required byte[] Bytes { get; set; }
}
