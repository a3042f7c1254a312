using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Portfolio.Content.Markdown;

/// <summary>
/// Fenced code in a language ColorCode knows is written with its tokens coloured, in the markup Markdig gives any fenced
/// code (<c>&lt;pre&gt;&lt;code class="language-…"&gt;</c>); any other code block is left to Markdig.
/// </summary>
internal sealed class HighlightedCode : IMarkdownExtension
{
    /// <summary>
    /// How much code one document has coloured: ColorCode takes about a second a megabyte, so a file that is mostly
    /// code (a pasted log, a hostile file) shows the rest plain rather than hold the import up.
    /// </summary>
    public const int MaxCharsPerDocument = 128 * 1024;

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) =>
        renderer.ObjectRenderers.FindExact<CodeBlockRenderer>()?.TryWriters.Add(TryWrite);

    private static bool TryWrite(HtmlRenderer renderer, CodeBlock block)
    {
        if (block is not FencedCodeBlock { Lines.Count: > 0 } fenced || CodeHighlighter.LanguageOf(fenced.Info) is not { } language)
        {
            return false;
        }

        var code = fenced.Lines.ToString();
        var budget = BudgetOf(block);
        if (code.Length > budget.Left || CodeHighlighter.Highlight(code, language) is not { } html)
        {
            return false;
        }

        budget.Left -= code.Length;

        renderer.EnsureLine();
        renderer.Write("<pre><code").WriteAttributes(block).Write('>');
        renderer.Write(html).WriteLine();
        renderer.WriteLine("</code></pre>");
        return true;
    }

    /// <summary>What is left to colour of the document that holds the block, kept on the document.</summary>
    private static Budget BudgetOf(Block block)
    {
        var root = block;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        if (root.GetData(typeof(Budget)) is not Budget budget)
        {
            budget = new Budget();
            root.SetData(typeof(Budget), budget);
        }

        return budget;
    }

    private sealed class Budget
    {
        public int Left { get; set; } = MaxCharsPerDocument;
    }
}
