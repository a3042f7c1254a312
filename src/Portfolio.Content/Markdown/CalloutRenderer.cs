using Markdig.Extensions.Alerts;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Portfolio.Content.Markdown;

/// <summary>
/// Renders every alert and callout one way: a titled box in one of five looks, or, when it folds, a
/// <c>&lt;details&gt;</c> whose <c>&lt;summary&gt;</c> is the title. The label is text, so a screen reader says it.
/// </summary>
internal sealed class CalloutRenderer : HtmlObjectRenderer<AlertBlock>
{
    protected override void Write(HtmlRenderer renderer, AlertBlock block)
    {
        var kind = block.Kind.ToString();
        var look = CalloutKinds.LookOf(kind);
        var label = CalloutKinds.LabelOf(kind);
        var callout = block as CalloutBlock;
        var folds = callout is { Folding: not CalloutFolding.None };

        renderer.EnsureLine();
        renderer.Write(folds ? "<details" : "<div").Write(" class=\"markdown-alert markdown-alert-").Write(look).Write('"');
        if (callout is { Folding: CalloutFolding.Open })
        {
            renderer.Write(" open");
        }

        renderer.WriteLine(">");
        renderer.Write(folds ? "<summary" : "<p").Write(" class=\"markdown-alert-title\">").Write(CalloutKinds.IconOf(look));
        if (callout?.Title is { } title)
        {
            // A title of the author's own says what it is about, not what kind it is: the kind is said to screen readers.
            renderer.Write("<span class=\"visually-hidden\">").WriteEscape(label).Write(": </span>").WriteEscape(title);
        }
        else
        {
            renderer.WriteEscape(label);
        }

        renderer.WriteLine(folds ? "</summary>" : "</p>");

        var implicitParagraph = renderer.ImplicitParagraph;
        renderer.ImplicitParagraph = false;
        foreach (var child in block)
        {
            // The line that names the callout leaves an empty paragraph when the text starts on a later line.
            if (child is not ParagraphBlock { Inline.FirstChild: null })
            {
                renderer.Render(child);
            }
        }

        renderer.ImplicitParagraph = implicitParagraph;
        renderer.WriteLine(folds ? "</details>" : "</div>");
    }
}
