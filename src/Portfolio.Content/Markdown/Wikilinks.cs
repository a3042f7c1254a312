using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Portfolio.Content.Markdown;

/// <summary>
/// Wikilinks, as note-taking tools write them: <c>[[name]]</c>, <c>[[name#heading]]</c>, <c>[[name|shown text]]</c>.
/// They parse into <see cref="EntryLinkInline"/>, and those render as the marks the import resolves.
/// </summary>
internal sealed class WikilinkExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Before the parser of Markdown links, which would otherwise read "[[" as the start of a link.
        if (!pipeline.InlineParsers.Contains<WikilinkParser>())
        {
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new WikilinkParser());
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<EntryLinkRenderer>())
        {
            html.ObjectRenderers.Insert(0, new EntryLinkRenderer());
        }
    }
}

/// <summary>Reads <c>[[name#heading|text]]</c> on one line; the name may not hold brackets, and "]]" followed by "(" is left to Markdown links.</summary>
internal sealed class WikilinkParser : InlineParser
{
    /// <summary>Longer than any name or title a wikilink names; a longer run is text.</summary>
    private const int MaxLength = 512;

    public WikilinkParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        if (slice.PeekChar() != '[')
        {
            return false;
        }

        var end = -1;
        for (var i = start + 2; i <= slice.End && i < start + 2 + MaxLength; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '[')
            {
                return false;
            }

            if (c == ']')
            {
                end = i;
                break;
            }
        }

        // "[[1]](url)" is a Markdown link whose text is "[1]".
        if (end < 0 || end + 1 > slice.End || text[end + 1] != ']' || (end + 2 <= slice.End && text[end + 2] == '('))
        {
            return false;
        }

        var inside = text[(start + 2)..end];
        var bar = inside.IndexOf('|', StringComparison.Ordinal);
        var reference = (bar < 0 ? inside : inside[..bar]).Trim();
        var shown = bar < 0 ? null : inside[(bar + 1)..].Trim();
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var name = (hash < 0 ? reference : reference[..hash]).Trim();
        var fragment = hash < 0 ? null : reference[(hash + 1)..].Trim();
        if (reference.Length == 0)
        {
            return false;
        }

        var position = processor.GetSourcePosition(start, out var line, out var column);
        var link = new EntryLinkInline
        {
            Written = inside,
            Target = name,
            IsWikilink = true,
            Fragment = string.IsNullOrEmpty(fragment) ? null : fragment,
            Span = new Markdig.Syntax.SourceSpan(position, position + end + 1 - start),
            Line = line,
            Column = column,
            // Closed, or the inlines after it would be parsed into it.
            IsClosed = true,
        };
        link.AppendChild(new LiteralInline(string.IsNullOrEmpty(shown) ? Shown(name, fragment) : shown));
        processor.Inline = link;
        slice.Start = end + 2;
        return true;
    }

    /// <summary>What a wikilink without "|text" shows: its name, and the heading after a '›'.</summary>
    private static string Shown(string name, string? fragment) =>
        string.IsNullOrEmpty(fragment) ? name : name.Length == 0 ? fragment : $"{name} › {fragment}";
}

/// <summary>Renders a link to another entry as marks around its text, for the import to resolve.</summary>
internal sealed class EntryLinkRenderer : HtmlObjectRenderer<EntryLinkInline>
{
    protected override void Write(HtmlRenderer renderer, EntryLinkInline link)
    {
        if (renderer.EnableHtmlForInline)
        {
            renderer.Write(EntryLinkHtml.Start(link.Number));
        }

        renderer.WriteChildren(link);
        if (renderer.EnableHtmlForInline)
        {
            renderer.Write(EntryLinkHtml.End);
        }
    }
}

/// <summary>Adds wikilinks to a pipeline.</summary>
internal static class WikilinkPipeline
{
    public static MarkdownPipelineBuilder UseWikilinks(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<WikilinkExtension>();
        return pipeline;
    }
}
