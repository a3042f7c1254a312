namespace Portfolio.Content.Data;

/// <summary>What the full-text index reads of an entry: its id, title, text and tags.</summary>
public sealed class SearchText
{
    /// <summary>The entry's id, and the row id of the index.</summary>
    public int Id { get; set; }

    public required string Title { get; set; }

    public required string Body { get; set; }

    public required string Tags { get; set; }
}
