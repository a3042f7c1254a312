using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>The home page: who the owner is, what they learned, highlights and the latest credentials.</summary>
public sealed class HomePages(ContentIndexProvider indexes, CredentialClock credentials, SiteAddress address)
{
    private static readonly System.Globalization.CultureInfo English = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public async Task<HomeViewModel> HomeAsync(CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var site = index.Site;
        var highlights = new Highlights(
            index.Entries.Count(e => e.Kind == EntryKind.Program),
            index.Entries.Count(e => e.Kind == EntryKind.Capstone),
            index.Entries.Count(e => e.Kind == EntryKind.Certification),
            index.Entries.Count(e => e.Kind == EntryKind.GuideModule && e.Number is not null),
            index.Entries.Count(e => e.Kind == EntryKind.Badge));
        var description = site.Headline is null ? $"The learning portfolio of {site.Name}." : $"{site.Name}: {site.Headline}. {Story(index).FirstOrDefault()}";
        return new HomeViewModel(
            new PageInfo($"{site.Name} · Learning portfolio", description, Section.Home, SiteUrls.Home, "profile",
                [JsonLd.Person(site, address.Absolute(SiteUrls.Home), index.Credentials.Where(c => c.Credential?.Status == CredentialStatus.Earned).Select(c => (c.Title, address.Absolute(c.Url))))],
                Alternates: [Alternate.Resume(site.Name)]),
            site,
            Story(index),
            highlights,
            credentials.Today().Cards(index.Credentials, take: 4),
            index.Tags,
            index.Entries.Count == 0);
    }

    /// <summary>A few lines of who the owner is and what they learned, built from the credentials.</summary>
    private static List<string> Story(ContentIndex index)
    {
        var lines = new List<string>();
        foreach (var program in index.Credentials.Where(e => e.Kind == EntryKind.Program && e.Credential?.Status == CredentialStatus.Earned))
        {
            var capstones = index.ChildrenOf(program.Id, EntryKind.Capstone).Count();
            var by = program.Credential?.Provider is { } provider ? $" with {provider}" : "";
            var year = program.Date is { } date ? $" in {date.Year}" : "";
            var projects = capstones > 0 ? $", building {capstones} capstone project{(capstones == 1 ? "" : "s")}" : "";
            lines.Add($"Completed the {program.Title}{by}{year}{projects}.");
        }

        foreach (var certification in index.Credentials.Where(e => e.Kind == EntryKind.Certification))
        {
            if (certification.Credential?.Status == CredentialStatus.InPreparation)
            {
                var guide = certification.Credential.GuideId is { } guideId && index.ById.TryGetValue(guideId, out var g) ? g : null;
                var written = guide is null ? 0 : index.ChildrenOf(guide.Id, EntryKind.GuideModule).Count(m => m.Number is not null);
                var writing = guide is null ? "" : $", writing a study guide along the way ({written} module{(written == 1 ? "" : "s")} so far)";
                lines.Add($"Preparing for the {certification.Title}{Code(certification)}{writing}.");
            }
            else
            {
                var when = certification.Date is { } date ? $" in {date.ToString("MMMM yyyy", English)}" : "";
                lines.Add($"Earned the {certification.Title}{Code(certification)}{when}.");
            }
        }

        var badges = index.Credentials.Where(e => e.Kind == EntryKind.Badge).ToList();
        if (badges.Count > 0)
        {
            var latest = badges[0];
            var by = latest.Credential?.Issuer is { } issuer ? $" from {issuer}" : "";
            lines.Add(badges.Count == 1
                ? $"Holds the {latest.Title} badge{by}."
                : $"Holds {badges.Count} Open Badges, most recently the {latest.Title} badge{by}.");
        }

        return lines;
    }

    private static string Code(IndexedEntry entry) => entry.Credential?.Code is { } code ? $" ({code})" : "";
}
