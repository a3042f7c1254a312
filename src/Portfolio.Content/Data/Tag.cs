namespace Portfolio.Content.Data;

/// <summary>A canonical tag: its slug (case-insensitive identity) and display name.</summary>
public sealed class Tag
{
    public int Id { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    public List<EntryTag> Entries { get; set; } = [];
}

/// <summary>Another name of a canonical tag, from tags.yml ("ML" for "machine learning").</summary>
public sealed class TagAlias
{
    public required string Slug { get; set; }

    public required string Name { get; set; }

    public required string TagSlug { get; set; }
}

/// <summary>An entry carrying a tag.</summary>
public sealed class EntryTag
{
    public int EntryId { get; set; }

    public Entry? Entry { get; set; }

    public int TagId { get; set; }

    public Tag? Tag { get; set; }
}
