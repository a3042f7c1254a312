using Markdig;
using Markdig.Extensions.TaskLists;
using Markdig.Renderers;

namespace Portfolio.Content.Markdown;

/// <summary>
/// Task-list checkboxes as Markdig writes them, with a name a screen reader says ("Done", "Not done"): a form field
/// without a name fails WCAG (axe's "label" rule). Added after <c>UseTaskLists</c>.
/// </summary>
internal sealed class LabelledTaskLists : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer) =>
        renderer.ObjectRenderers.FindExact<HtmlTaskListRenderer>()?.TryWriters.Add(TryWrite);

    private static bool TryWrite(HtmlRenderer renderer, TaskList task)
    {
        renderer.Write("<input").WriteAttributes(task).Write(" disabled=\"disabled\" type=\"checkbox\"");
        renderer.Write(task.Checked ? " checked=\"checked\" aria-label=\"Done\" />" : " aria-label=\"Not done\" />");
        return true;
    }
}
