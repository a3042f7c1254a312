using Markdig.Extensions.Alerts;
using Markdig.Helpers;

namespace Portfolio.Content.Markdown;

/// <summary>Whether a callout folds, and how it starts: Obsidian's "-" (folded) and "+" (open) after the type.</summary>
public enum CalloutFolding
{
    /// <summary>Always shown.</summary>
    None,

    /// <summary>Foldable, shown folded.</summary>
    Folded,

    /// <summary>Foldable, shown open.</summary>
    Open,
}

/// <summary>A callout in Obsidian's form: an alert with its own title, or one that folds.</summary>
public sealed class CalloutBlock(StringSlice kind) : AlertBlock(kind)
{
    /// <summary>The title written after the type, as text; null when the type names the callout.</summary>
    public string? Title { get; init; }

    /// <summary>Whether the callout folds.</summary>
    public CalloutFolding Folding { get; init; }
}
