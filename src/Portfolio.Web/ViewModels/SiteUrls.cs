using Portfolio.Content.Data;

namespace Portfolio.Web.ViewModels;

/// <summary>The site's public URLs, in one place: they are its interface and stay stable.</summary>
public static class SiteUrls
{
    public const string Home = "/";
    public const string Credentials = "/credentials";
    public const string Programs = "/programs";
    public const string Certifications = "/certifications";
    public const string Badges = "/badges";
    public const string Guides = "/guides";
    public const string Tags = "/tags";
    public const string Search = "/search";

    /// <summary>The search index a static copy of the site searches and filters with in the browser.</summary>
    public const string SearchIndex = "/search/index.json";
    public const string Timeline = "/timeline";
    public const string Cv = "/cv";
    public const string Resume = "/resume.json";
    public const string Calendar = "/calendar.ics";

    public static string Tag(string slug) => $"/tags/{Uri.EscapeDataString(slug)}";

    /// <summary>A page of a tag's entries: the first is the tag's own address, the others under /page/N, as Hugo names them.</summary>
    public static string Tag(string slug, int page) => page <= 1 ? Tag(slug) : $"{Tag(slug)}/page/{page}";

    /// <summary>The credentials with one tag, as a path: the form a static copy of the site can serve.</summary>
    public static string CredentialsTagged(string slug) => $"/credentials/tags/{Uri.EscapeDataString(slug)}";

    /// <summary>The page of an entry; a part of a guide is an anchor on the guide's page.</summary>
    public static string Of(EntryKind kind, string slug, string? parentSlug) => EntryUrls.Of(kind, slug, parentSlug);
}
