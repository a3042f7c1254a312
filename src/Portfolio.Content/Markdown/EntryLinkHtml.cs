using System.Globalization;
using System.Net;
using System.Text;

namespace Portfolio.Content.Markdown;

/// <summary>
/// The marks a link to another entry leaves in rendered HTML, and their replacement once it is resolved. A mark starts
/// with a NUL character, which no content file can hold (the loader refuses it and Markdig replaces it), so no text can
/// forge one.
/// </summary>
internal static class EntryLinkHtml
{
    /// <summary>Marks the start of link <paramref name="number"/>.</summary>
    public static string Start(int number) => "\0" + number.ToString(CultureInfo.InvariantCulture) + "\u0001";

    /// <summary>Marks the end of the link that started last.</summary>
    public const string End = "\0\u0001";

    /// <summary>True when the HTML holds links to resolve.</summary>
    public static bool HasLinks(string html) => html.Contains('\0', StringComparison.Ordinal);

    /// <summary>The HTML with each link that resolved (<paramref name="hrefOf"/> gives its address) as a link, and each other as its text.</summary>
    public static string Resolve(string html, Func<int, string?> hrefOf)
    {
        if (!HasLinks(html))
        {
            return html;
        }

        var result = new StringBuilder(html.Length + 64);
        var open = new Stack<bool>();
        var at = 0;
        while (at < html.Length)
        {
            var mark = html.IndexOf('\0', at);
            var close = mark < 0 ? -1 : html.IndexOf('\u0001', mark);
            if (mark < 0 || close < 0)
            {
                result.Append(html, at, html.Length - at);
                break;
            }

            result.Append(html, at, mark - at);
            if (close == mark + 1)
            {
                if (open.Count > 0 && open.Pop())
                {
                    result.Append("</a>");
                }
            }
            else
            {
                var href = int.TryParse(html.AsSpan(mark + 1, close - mark - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? hrefOf(number) : null;
                open.Push(href is not null);
                if (href is not null)
                {
                    result.Append("<a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">");
                }
            }

            at = close + 1;
        }

        return result.ToString();
    }
}
