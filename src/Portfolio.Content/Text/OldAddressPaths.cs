using System.Text.RegularExpressions;

namespace Portfolio.Content.Text;

/// <summary>
/// Old addresses of pages, as other generators write them (aliases, redirect_from, permalink): made into one form of site
/// path ("/blog/post/", "blog/post" and "/blog/post/index.html" are all "/blog/post"), and refused when they are not a
/// path on this site.
/// </summary>
public static partial class OldAddressPaths
{
    /// <summary>First segments of the site's own pages and files other than entries (and badges, whose files are under their pages): an old address may not take them.</summary>
    public static IReadOnlySet<string> ReservedSections { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "api", "badges", "credentials", "css", "cv", "error", "favicon.svg", "feed.xml", "healthz", "media", "robots.txt", "search",
        "sitemap.xml", "status", "tags", "timeline",
    };

    /// <summary>The lists of entries, whose sections entries' own addresses are under.</summary>
    private static readonly HashSet<string> ListPages = new(StringComparer.OrdinalIgnoreCase) { "/programs", "/certifications", "/guides" };

    /// <summary>An address as written, made into a site path; null with the reason when it is not a path on this site.</summary>
    public static string? Normalize(string text, out string? problem)
    {
        var trimmed = text.Trim();
        problem = trimmed switch
        {
            "" => "it is empty",
            _ when trimmed.StartsWith("//", StringComparison.Ordinal) || Scheme().IsMatch(trimmed) => "it is an address on another site",
            _ when trimmed.IndexOfAny(['?', '#']) >= 0 => "it has a '?' or '#'",
            _ => null,
        };
        if (problem is not null)
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(trimmed);
        }
        catch (UriFormatException)
        {
            problem = "it has a broken %-escape";
            return null;
        }

        var path = Clean(decoded);
        problem = path switch
        {
            null => "it has a backslash, a control character or a '.' or '..' segment",
            "/" => "it is the home page",
            _ when IsReserved(path) => $"the site's own pages are under /{path.Split('/')[1]}",
            _ => null,
        };
        return problem is null ? path : null;
    }

    /// <summary>A decoded path without empty segments, a trailing slash or a trailing index.html; null when it could climb or hides characters.</summary>
    public static string? Clean(string path)
    {
        if (path.Any(c => c == '\\' || char.IsControl(c)))
        {
            return null;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (segments.Exists(s => s is "." or ".."))
        {
            return null;
        }

        if (segments.Count > 0 && segments[^1].ToLowerInvariant() is "index.html" or "index.htm")
        {
            segments.RemoveAt(segments.Count - 1);
        }

        return "/" + string.Join('/', segments);
    }

    /// <summary>True for a path the site's own pages use (a section of its own, or a list of entries).</summary>
    public static bool IsReserved(string path) =>
        ListPages.Contains(path) || ReservedSections.Contains(path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "");

    /// <summary>The slug an old address suggests: its last segment without an extension ("/2020/01/my-post.html" → "my-post").</summary>
    public static string SlugOf(string path)
    {
        var last = path[(path.LastIndexOf('/') + 1)..];
        var dot = last.LastIndexOf('.');
        return Slug.From(dot > 0 ? last[..dot] : last);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();
}
