namespace Portfolio.Content.Data;

/// <summary>An item of an entry's structure: a lesson, a case study, a roadmap topic or a competency, under its section.</summary>
public sealed class Topic
{
    /// <summary>The heading the item stands under.</summary>
    public required string Section { get; set; }

    /// <summary>The anchor id of that heading.</summary>
    public string? SectionId { get; set; }

    public int Order { get; set; }

    /// <summary>0 for a top-level item, 1 for an item nested under it.</summary>
    public int Depth { get; set; }

    /// <summary>The item's number when the author numbered it.</summary>
    public int? Number { get; set; }

    public required string Title { get; set; }

    public string? Detail { get; set; }
}
