using System.Net;
using System.Text.RegularExpressions;
using Markdig.Helpers;
using Portfolio.Content.Data;

namespace Portfolio.Content.Extraction;

/// <summary>
/// In-page links ("[see](#a-heading)") of a file that is split into several pages (a guide into modules, a program into
/// capstones): one that names a heading another page of the file shows leads to that page, at the heading.
/// </summary>
internal static partial class InPageLinks
{
    /// <summary>Rewrites the in-page links of each entry's HTML whose heading is on another entry of the same file.</summary>
    public static void LeadAcrossPages(IReadOnlyList<Entry> entries)
    {
        if (entries.Count < 2)
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (entry.Html.Contains("href=\"#", StringComparison.Ordinal))
            {
                entry.Html = InPageHref().Replace(entry.Html, match => Href(match, entry, entries));
            }
        }
    }

    private static string Href(Match match, Entry page, IReadOnlyList<Entry> entries)
    {
        var written = Uri.UnescapeDataString(WebUtility.HtmlDecode(match.Groups["fragment"].Value));
        // The forms a heading's id may be written in: as it is, in lower case, or as the heading's text.
        string[] ids = [.. new[] { written, written.ToLowerInvariant(), LinkHelper.UrilizeAsGfm(written) }.Distinct(StringComparer.Ordinal)];
        if (written.Length == 0 || ids.Any(page.Anchors.ContainsKey))
        {
            return match.Value;
        }

        foreach (var other in entries)
        {
            if (ReferenceEquals(other, page) || other.Kind == EntryKind.Page)
            {
                continue;
            }

            foreach (var id in ids)
            {
                if (other.Anchors.TryGetValue(id, out var kept))
                {
                    var url = EntryUrls.Of(other.Kind, other.Slug, EntryUrls.ParentSlugOf(other.ParentKey));
                    var href = kept.Length == 0 ? url : (url.Contains('#', StringComparison.Ordinal) ? url[..url.IndexOf('#', StringComparison.Ordinal)] : url) + "#" + kept;
                    return $"href=\"{WebUtility.HtmlEncode(href)}\"";
                }
            }
        }

        // No page of the file has the heading: an anchor of the page's own HTML, perhaps; left as written.
        return match.Value;
    }

    [GeneratedRegex("href=\"#(?<fragment>[^\"]*)\"")]
    private static partial Regex InPageHref();
}
