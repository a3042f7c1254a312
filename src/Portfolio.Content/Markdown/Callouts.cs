using Markdig;
using Markdig.Extensions.Alerts;
using Markdig.Renderers;

namespace Portfolio.Content.Markdown;

/// <summary>
/// Callouts on top of Markdig's alerts (GitHub's <c>&gt; [!NOTE]</c>): Obsidian's titled and foldable forms, and one
/// rendering for all of them. Added after <c>UseAlertBlocks</c>.
/// </summary>
internal sealed class Callouts : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) =>
        pipeline.InlineParsers.InsertBefore<AlertInlineParser>(new CalloutInlineParser());

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) =>
        renderer.ObjectRenderers.Replace<AlertBlockRenderer>(new CalloutRenderer());
}
