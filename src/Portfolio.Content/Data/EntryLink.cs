namespace Portfolio.Content.Data;

/// <summary>A link from an entry's text to another entry: as the author wrote it, and what the last import resolved it to.</summary>
public sealed class EntryLink
{
    public int SourceEntryId { get; set; }

    /// <summary>The link's number among the links of its source file, as its place is marked in the source's HTML while it is rendered.</summary>
    public int Number { get; set; }

    /// <summary>The 1-based line of the link in the source file.</summary>
    public int Line { get; set; }

    public int Column { get; set; }

    /// <summary>What the author wrote: a Markdown link's URL, or the inside of a wikilink.</summary>
    public required string Written { get; set; }

    /// <summary>For a Markdown link, the file or folder it points at relative to the content folder; for a wikilink, the name before any '#' or '|'.</summary>
    public required string Target { get; set; }

    public bool IsWikilink { get; set; }

    /// <summary>The heading asked for, without its '#'; null for none.</summary>
    public string? RequestedFragment { get; set; }

    /// <summary>The entry the link leads to; null while it leads nowhere (it is then shown as text and reported).</summary>
    public int? TargetEntryId { get; set; }

    /// <summary>The key of that entry, which outlives its id when its file is imported again.</summary>
    public string? TargetKey { get; set; }

    /// <summary>The heading id the link leads to on the target's page; null for the top of the page.</summary>
    public string? Fragment { get; set; }
}
