using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>Pieces several pages' models share: the day, breadcrumbs as structured data, neighbours and facts.</summary>
internal static class PageParts
{
    /// <summary>The day a credential's state is worked out for: today, by the site's clock.</summary>
    public static DateTime Today(TimeProvider clock) => clock.GetUtcNow().UtcDateTime.Date;

    /// <summary>The breadcrumb trail of a page as schema.org data: home, the crumbs shown, and the page itself.</summary>
    public static Dictionary<string, object?> Breadcrumbs(SiteAddress address, IEnumerable<Crumb> crumbs, IndexedEntry page) =>
        JsonLd.Breadcrumbs(crumbs.Select(c => (c.Title, address.Absolute(c.Url)))
            .Prepend(("Home", address.Absolute(SiteUrls.Home)))
            .Append((page.Title, address.Absolute(page.Url))));

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(entry))]
    public static Neighbour? Neighbour(IndexedEntry? entry) => entry is null ? null : new(entry.Url, entry.Title, entry.Label);

    /// <summary>Adds a fact when it has a value.</summary>
    public static void AddFact(List<Fact> facts, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            facts.Add(new Fact(label, value));
        }
    }

    public static string? FormatDate(DateTime? date) => date is { } value ? Format.Date(value) : null;
}
