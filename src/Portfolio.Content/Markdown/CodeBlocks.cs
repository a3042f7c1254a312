using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Portfolio.Content.Markdown;

/// <summary>
/// Every code block as Markdig writes it (<c>&lt;pre&gt;&lt;code class="language-…"&gt;</c>), with two changes: the
/// <c>&lt;pre&gt;</c> can take the focus, so that a keyboard can scroll a long line; and fenced code in a language
/// ColorCode knows has its tokens coloured.
/// </summary>
internal sealed class CodeBlocks : IMarkdownExtension
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
        renderer.EnsureLine();
        renderer.Write("<pre tabindex=\"0\"><code").WriteAttributes(block).Write('>');
        if (Highlighted(block) is { } html)
        {
            renderer.Write(html).WriteLine();
        }
        else
        {
            renderer.WriteLeafRawLines(block, writeEndOfLines: true, escape: true);
        }

        renderer.WriteLine("</code></pre>");
        return true;
    }

    /// <summary>The coloured code of a fenced block in a language ColorCode knows, while the document's budget lasts; else null.</summary>
    private static string? Highlighted(CodeBlock block)
    {
        if (block is not FencedCodeBlock { Lines.Count: > 0 } fenced || CodeHighlighter.LanguageOf(fenced.Info) is not { } language)
        {
            return null;
        }

        var code = fenced.Lines.ToString();
        var budget = BudgetOf(block);
        if (code.Length > budget.Left || CodeHighlighter.Highlight(code, language) is not { } html)
        {
            return null;
        }

        budget.Left -= code.Length;
        return html;
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
