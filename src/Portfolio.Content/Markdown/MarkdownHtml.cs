using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Portfolio.Content.Markdown;

/// <summary>A parsed body's HTML, and its table of contents from the headings' anchors.</summary>
public static class MarkdownHtml
{
    [ThreadStatic]
    private static ReusableHtmlRenderer? t_renderer;

    /// <summary>Renders blocks of a parsed document to HTML.</summary>
    public static string Render(IEnumerable<Block> blocks)
    {
        // One renderer a thread, reset between uses as Markdig's own cache does: setting one up costs as much as rendering a short page.
        var renderer = t_renderer ??= NewRenderer();
        var text = ((StringWriter)renderer.Writer).GetStringBuilder();
        renderer.Restart();
        foreach (var block in blocks)
        {
            renderer.Render(block);
        }

        renderer.Writer.Flush();
        return ThreadBuilders.TextOf(text, ref t_renderer);
    }

    /// <summary>The headings among the blocks, from <paramref name="minLevel"/> to <paramref name="maxLevel"/>, for a table of contents.</summary>
    public static List<TocItem> TableOfContents(IEnumerable<Block> blocks, int minLevel, int maxLevel) =>
        blocks.SelectMany(b => b is HeadingBlock h ? [h] : MarkdownWalk.BlocksIn<HeadingBlock>(b))
            .Where(h => h.Level >= minLevel && h.Level <= maxLevel && h.GetAttributes().Id is { Length: > 0 })
            .Select(h => new TocItem(h.Level, h.GetAttributes().Id!, PlainText.Of(h.Inline)))
            .ToList();

    private static ReusableHtmlRenderer NewRenderer()
    {
        var renderer = new ReusableHtmlRenderer();
        ContentMarkdown.Pipeline.Setup(renderer);
        return renderer;
    }

    /// <summary>An HTML renderer into a string, that can start again as if new.</summary>
    private sealed class ReusableHtmlRenderer() : HtmlRenderer(new StringWriter(System.Globalization.CultureInfo.InvariantCulture))
    {
        public void Restart() => Reset();
    }
}
