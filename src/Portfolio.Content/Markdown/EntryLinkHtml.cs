using System.Globalization;
using System.Net;
using System.Text;

namespace Portfolio.Content.Markdown;

/// <summary>
/// The marks a link to another entry leaves in rendered HTML, and their replacement once it is resolved. The marks are
/// HTML comments: text never renders as one (Markdown's raw HTML is off, so every '&lt;' of the text is escaped), so no
/// content can forge a mark.
/// </summary>
internal static class EntryLinkHtml
{
    private const string StartPrefix = "<!--entry-link ";
    private const string CommentEnd = "-->";

    /// <summary>Marks the start of link <paramref name="number"/>.</summary>
    public static string Start(int number) => StartPrefix + number.ToString(CultureInfo.InvariantCulture) + CommentEnd;

    /// <summary>Marks the end of the link that started last.</summary>
    public const string End = "<!--/entry-link-->";

    /// <summary>The HTML with each link that resolved (<paramref name="hrefOf"/> gives its address) as a link, and each other as its text.</summary>
    public static string Resolve(string html, Func<int, string?> hrefOf)
    {
        var result = new StringBuilder(html.Length + 64);
        var open = new Stack<bool>();
        var at = 0;
        while (at < html.Length)
        {
            var start = html.IndexOf(StartPrefix, at, StringComparison.Ordinal);
            var end = html.IndexOf(End, at, StringComparison.Ordinal);
            var next = start < 0 ? end : end < 0 ? start : Math.Min(start, end);
            if (next < 0)
            {
                result.Append(html, at, html.Length - at);
                break;
            }

            result.Append(html, at, next - at);
            if (next == end)
            {
                if (open.Count > 0 && open.Pop())
                {
                    result.Append("</a>");
                }

                at = end + End.Length;
                continue;
            }

            var close = html.IndexOf(CommentEnd, start + StartPrefix.Length, StringComparison.Ordinal);
            if (close < 0)
            {
                result.Append(html, start, html.Length - start);
                break;
            }

            var href = int.TryParse(html.AsSpan(start + StartPrefix.Length, close - start - StartPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                ? hrefOf(number)
                : null;
            open.Push(href is not null);
            if (href is not null)
            {
                result.Append("<a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">");
            }

            at = close + CommentEnd.Length;
        }

        return result.ToString();
    }
}
