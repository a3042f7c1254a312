using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Markdown;

/// <summary>Repairs what the owner's Markdown means but does not say: a list indented as if it were code.</summary>
internal static partial class ListRepair
{
    /// <summary>
    /// An indented block whose every line starts a list item is a list the author indented, not code:
    /// read it as a list and say so.
    /// </summary>
    public static void ReadIndentedListsAsLists(MarkdownDocument document, DiagnosticBag diagnostics, int bodyFirstLine)
    {
        foreach (var code in MarkdownWalk.BlocksIn<CodeBlock>(document).Where(c => c is not FencedCodeBlock))
        {
            var lines = code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString()).ToList();
            if (!lines.Where(l => !string.IsNullOrWhiteSpace(l)).All(l => ListItemLine().IsMatch(l)) || code.Parent is not { } parent)
            {
                continue;
            }

            var list = ContentMarkdown.Parse(string.Join('\n', lines));
            var index = parent.IndexOf(code);
            parent.RemoveAt(index);
            while (list.Count > 0)
            {
                var block = list[0];
                list.RemoveAt(0);
                ShiftLines(block, code.Line, code.Lines);
                parent.Insert(index++, block);
            }

            diagnostics.Warning(code.Line + bodyFirstLine, code.Column + 1,
                "an indented list is read as a list, not as code; remove the indentation to make this explicit");
        }
    }

    /// <summary>Moves a block read from a code block's lines to where those lines are in the file: lines down, and columns past the indentation.</summary>
    private static void ShiftLines(Block block, int by, StringLineGroup lines)
    {
        block.Line += by;
        foreach (var child in block.Descendants())
        {
            if (child is Inline && child.Line >= 0 && child.Line < lines.Count)
            {
                child.Column += lines.Lines[child.Line].Column;
            }

            child.Line += by;
        }
    }

    [GeneratedRegex(@"^\s{0,3}(?:\d{1,9}[.)]|[-*+])\s+\S")]
    private static partial Regex ListItemLine();
}
