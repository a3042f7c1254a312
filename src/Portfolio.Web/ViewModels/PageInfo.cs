namespace Portfolio.Web.ViewModels;

/// <summary>The navigation section a page belongs to, marked as current in the header.</summary>
public enum Section
{
    None,
    Home,
    Credentials,
    Programs,
    Certifications,
    Badges,
    Guides,
    Tags,
}

/// <summary>
/// What the layout needs of every page: its title, description and section; its canonical path; its Open Graph type;
/// its schema.org JSON-LD blocks; its preview picture (a site path or an http(s) URL); and other forms of it.
/// </summary>
public sealed record PageInfo(
    string Title,
    string? Description,
    Section Section,
    string? CanonicalPath = null,
    string OpenGraphType = "website",
    IReadOnlyList<IReadOnlyDictionary<string, object?>>? StructuredData = null,
    string? Image = null,
    IReadOnlyList<Alternate>? Alternates = null);

/// <summary>Another form of a page, named in its head as <c>&lt;link rel="alternate"&gt;</c>: the JSON Resume of the home page and the CV, the calendar of the credentials.</summary>
public sealed record Alternate(string Href, string Type, string Title)
{
    public static Alternate Resume(string owner) => new(SiteUrls.Resume, "application/json", $"{owner} · JSON Resume");

    public static Alternate Calendar(string owner) => new(SiteUrls.Calendar, "text/calendar", $"{owner} · Credentials calendar");
}

/// <summary>A page's view model: the layout reads <see cref="Page"/> from it.</summary>
public interface IPageModel
{
    PageInfo Page { get; }
}

/// <summary>One step of a breadcrumb trail.</summary>
public sealed record Crumb(string Title, string Url);
