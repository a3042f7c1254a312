using System.Text.RegularExpressions;
using Markdig.Extensions.Alerts;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace Portfolio.Content.Markdown;

/// <summary>
/// Reads the first line of a top-level quote as Obsidian writes a callout: <c>[!type]</c>, then "-" or "+" to make it
/// fold, then a title (<c>&gt; [!tip]- Before the exam</c>). A bare <c>[!TYPE]</c> is left to Markdig's alert parser.
/// </summary>
internal sealed partial class CalloutInlineParser : InlineParser
{
    public CalloutInlineParser() => OpeningCharacters = ['['];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        // As Markdig's alerts: the very start of the first paragraph of a quote that is not inside anything else.
        if (slice.PeekChar() != '!'
            || processor.Block is not ParagraphBlock { Parent: QuoteBlock quote } paragraph
            || paragraph.Inline?.FirstChild is not null
            || quote is AlertBlock
            || quote.Parent is not MarkdownDocument
            || !ReferenceEquals(quote[0], paragraph))
        {
            return false;
        }

        var text = slice.Text;
        var newline = text.IndexOf('\n', slice.Start, slice.End - slice.Start + 1);
        var lineEnd = newline < 0 ? slice.End + 1 : newline;
        var match = CalloutLine().Match(text, slice.Start, lineEnd - slice.Start);
        var kind = match.Groups["kind"];
        var fold = match.Groups["fold"].Value;
        var title = match.Groups["title"].Value;
        if (!match.Success || (fold.Length == 0 && title.Length == 0 && kind.Value.All(char.IsAsciiLetter)))
        {
            return false;
        }

        var callout = new CalloutBlock(new StringSlice(text, kind.Index, kind.Index + kind.Length - 1))
        {
            Title = title.Length == 0 ? null : title,
            Folding = fold switch { "-" => CalloutFolding.Folded, "+" => CalloutFolding.Open, _ => CalloutFolding.None },
            Span = quote.Span,
            Line = quote.Line,
            Column = quote.Column,
        };
        slice.Start = lineEnd + 1;
        quote.ReplaceBy(callout);
        processor.ReplaceParentContainer(quote, callout);
        return true;
    }

    [GeneratedRegex(@"\A\[!(?<kind>[A-Za-z][A-Za-z0-9_-]{0,31})\](?<fold>[+-]?)(?:[ \t]+(?<title>[^\r\n]*?))?[ \t]*\r?\z")]
    private static partial Regex CalloutLine();
}
