namespace Portfolio.Content.Data;

/// <summary>An old address of an entry's page (from aliases, redirect_from or a permalink), answered with a 301 to the page.</summary>
public sealed class Redirect
{
    public int Id { get; set; }

    /// <summary>The old address as a site path ("/blog/post"), made so by <see cref="Text.OldAddressPaths"/>.</summary>
    public required string Path { get; set; }

    public int EntryId { get; set; }

    public Entry? Entry { get; set; }

    /// <summary>The file that names the address (the Markdown file or its sidecar), relative to the content folder.</summary>
    public required string SourcePath { get; set; }

    public int Line { get; set; }

    public int Column { get; set; }

    /// <summary>True when a page or an alias earlier in path order has the address, so this one is not served.</summary>
    public bool Ignored { get; set; }
}
