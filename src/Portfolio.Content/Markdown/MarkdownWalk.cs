using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portfolio.Content.Markdown;

/// <summary>
/// Depth-first walks of a parsed document, in document order, into a list. Markdig's own Descendants iterators copy
/// their stacks as they grow; these visit each node once.
/// Recursion is bounded: ContentMarkdown.IsShallowEnough refuses documents nested deeper than a page ever is.
/// </summary>
internal static class MarkdownWalk
{
    /// <summary>The blocks of type <typeparamref name="T"/> inside <paramref name="root"/>, not counting the root itself.</summary>
    public static List<T> BlocksIn<T>(Block root)
        where T : Block
    {
        var found = new List<T>();
        if (root is ContainerBlock container)
        {
            AddBlocks(container, found);
        }

        return found;
    }

    /// <summary>The inlines of type <typeparamref name="T"/> anywhere in the blocks under <paramref name="root"/>, the root included.</summary>
    public static List<T> InlinesIn<T>(Block root)
        where T : Inline
    {
        var found = new List<T>();
        AddInlines(root, found);
        return found;
    }

    private static void AddBlocks<T>(ContainerBlock container, List<T> found)
        where T : Block
    {
        foreach (var child in container)
        {
            if (child is T match)
            {
                found.Add(match);
            }

            if (child is ContainerBlock inner)
            {
                AddBlocks(inner, found);
            }
        }
    }

    private static void AddInlines<T>(Block block, List<T> found)
        where T : Inline
    {
        switch (block)
        {
            case LeafBlock { Inline: { } inline }:
                AddInlines(inline, found);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AddInlines(child, found);
                }

                break;
        }
    }

    private static void AddInlines<T>(ContainerInline container, List<T> found)
        where T : Inline
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            if (child is T match)
            {
                found.Add(match);
            }

            if (child is ContainerInline inner)
            {
                AddInlines(inner, found);
            }
        }
    }
}
