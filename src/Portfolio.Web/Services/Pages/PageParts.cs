using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>Pieces several pages' models share: breadcrumbs as structured data, neighbours and facts.</summary>
internal static class PageParts
{
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

    /// <summary>What a credential's page offers: its state's notice, and where they apply, verify, add to LinkedIn and a calendar file.</summary>
    public static CredentialActions CredentialActions(IndexedEntry credential, CredentialDay day, SiteAddress address) => new(
        credential.ToCredentialCard(day),
        credential.Credential?.VerificationUrl,
        Outbound.LinkedInProfile.AddUrl(credential, address.Absolute(credential.Url)),
        Outbound.CredentialEvents.Of(credential, day.RenewalWindowDays).Any() ? credential.Url + "/calendar.ics" : null);

    public static string? FormatDate(DateTime? date) => date is { } value ? Format.Date(value) : null;
}
