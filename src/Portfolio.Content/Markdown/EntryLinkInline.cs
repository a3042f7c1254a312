using Markdig.Syntax.Inlines;

namespace Portfolio.Content.Markdown;

/// <summary>
/// A link to another entry: a Markdown link to a file or folder of the content folder, or a wikilink. Where it leads is
/// known only once every file is loaded, so it is rendered as marks around its text (<see cref="EntryLinkHtml"/>) that
/// the import replaces with the link, or with nothing when it leads nowhere.
/// </summary>
internal sealed class EntryLinkInline : ContainerInline
{
    /// <summary>What the author wrote: the URL, or the inside of the wikilink.</summary>
    public required string Written { get; init; }

    /// <summary>The file or folder relative to the content folder, or a wikilink's name.</summary>
    public required string Target { get; init; }

    public bool IsWikilink { get; init; }

    /// <summary>The heading asked for, without its '#'.</summary>
    public string? Fragment { get; init; }

    /// <summary>Its number among the links of its file, given by <see cref="LinkPolicy"/>; -1 until then.</summary>
    public int Number { get; set; } = -1;
}

/// <summary>A link to another entry as it was found in a file, to be resolved once the whole folder is loaded.</summary>
/// <param name="Number">Its number among the links of its file, which marks its place in the HTML.</param>
/// <param name="Line">Its 1-based line in the file.</param>
/// <param name="Column">Its 1-based column.</param>
/// <param name="Written">What the author wrote.</param>
/// <param name="Target">The file or folder relative to the content folder, or a wikilink's name.</param>
/// <param name="IsWikilink">True for a wikilink.</param>
/// <param name="Fragment">The heading asked for, without its '#'.</param>
internal sealed record EntryLinkRequest(int Number, int Line, int Column, string Written, string Target, bool IsWikilink, string? Fragment);
