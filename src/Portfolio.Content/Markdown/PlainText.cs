using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Portfolio.Content.Markdown;

/// <summary>A parsed body's text without markup, and the words and reading time counted from it.</summary>
public static class PlainText
{
    [ThreadStatic]
    private static StringBuilder? t_text;

    [ThreadStatic]
    private static StringBuilder? t_scratch;

    [ThreadStatic]
    private static StringBuilder? t_collapsed;

    /// <summary>The text of blocks without markup, a line a block, code included: what is read, counted and searched.</summary>
    public static string Of(IEnumerable<Block> blocks)
    {
        // One builder for the whole text, kept by the thread; each block's inline text is gathered in a scratch builder and collapsed into it.
        var builder = t_text ??= new StringBuilder(16 * 1024);
        builder.Clear();
        foreach (var block in blocks)
        {
            AppendBlockText(block, builder);
        }

        return ThreadBuilders.TextOf(builder, ref t_text);
    }

    /// <summary>The text of inlines without their markup; line breaks become spaces.</summary>
    public static string Of(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var scratch = Scratch();
        AppendText(inline, scratch);
        var result = t_collapsed ??= new StringBuilder(1024);
        result.Clear();
        CollapseWhitespace(scratch, result);
        return ThreadBuilders.TextOf(result, ref t_collapsed);
    }

    /// <summary>Counts words: runs of characters that hold a letter or digit, in text and code alike.</summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        var hasLetter = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                count += inWord && hasLetter ? 1 : 0;
                inWord = hasLetter = false;
            }
            else
            {
                inWord = true;
                hasLetter |= char.IsLetterOrDigit(c);
            }
        }

        return count + (inWord && hasLetter ? 1 : 0);
    }

    /// <summary>The reading time at 220 words a minute, at least one minute.</summary>
    public static int ReadingMinutes(int words) => Math.Max(1, (int)Math.Ceiling(words / 220.0));

    private static void AppendBlockText(Block block, StringBuilder builder)
    {
        switch (block)
        {
            case CodeBlock code:
                // As StringLineGroup.ToString writes it: the lines joined by '\n'.
                for (var i = 0; i < code.Lines.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append('\n');
                    }

                    builder.Append(code.Lines.Lines[i].Slice.AsSpan());
                }

                builder.AppendLine();
                break;
            case LeafBlock leaf:
                if (leaf.Inline is { } inline)
                {
                    var scratch = Scratch();
                    AppendText(inline, scratch);
                    CollapseWhitespace(scratch, builder);
                }

                builder.AppendLine();
                break;
            case ContainerBlock container:
                if (container is CalloutBlock { Title: { } title })
                {
                    builder.Append(title).AppendLine();
                }

                foreach (var child in container)
                {
                    AppendBlockText(child, builder);
                }

                break;
        }
    }

    /// <summary>A cleared builder for gathering one block's text, one per thread and reused.</summary>
    private static StringBuilder Scratch()
    {
        var scratch = t_scratch ??= new StringBuilder(1024);
        scratch.Clear();
        return scratch;
    }

    /// <summary>Appends the text with runs of whitespace as one space, none at either end.</summary>
    private static void CollapseWhitespace(StringBuilder text, StringBuilder into)
    {
        var space = false;
        var any = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = any;
                }
                else
                {
                    if (space)
                    {
                        into.Append(' ');
                        space = false;
                    }

                    into.Append(c);
                    any = true;
                }
            }
        }
    }

    private static void AppendText(Inline inline, StringBuilder builder)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendText(child, builder);
                }

                break;
        }
    }
}
