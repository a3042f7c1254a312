namespace Portfolio.Content.Markdown;

/// <summary>One heading of an entry's table of contents: its level (2 for "##"), anchor id and text.</summary>
public sealed record TocItem(int Level, string Id, string Text);
