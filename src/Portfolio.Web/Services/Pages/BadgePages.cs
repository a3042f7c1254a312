using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>A badge's page, and the badge as a certification that names it shows it: picture, download and what was checked.</summary>
public sealed class BadgePages(ContentIndexProvider indexes, EntryBodies bodies, CredentialClock credentials, SiteAddress address)
{
    public async Task<BadgeViewModel?> BadgeAsync(string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.Badge, slug) is not { } badge || badge.Badge is not { } details)
        {
            return null;
        }

        var body = await bodies.GetAsync(index, badge, cancellationToken);
        var today = credentials.Today();
        var card = badge.ToCredentialCard(today);
        var credential = badge.Credential ?? new CredentialDetails();
        var facts = new List<Fact>();
        if (credential.Issuer is { } issuer)
        {
            facts.Add(new Fact("Issuer", issuer, details.IssuerUrl));
        }

        PageParts.AddFact(facts, "Awarded to", details.Recipient);
        PageParts.AddFact(facts, "Type", details.AchievementType);
        PageParts.AddFact(facts, "Code", credential.Code);
        PageParts.AddFact(facts, "Status", Format.State(card.State));
        PageParts.AddFact(facts, "Issued", PageParts.FormatDate(badge.Date));
        if (credential.ValidFrom is { } from && from.Date != badge.Date?.Date)
        {
            PageParts.AddFact(facts, "Valid from", PageParts.FormatDate(from));
        }

        PageParts.AddFact(facts, card.State == CredentialState.Expired ? "Expired" : "Valid until", PageParts.FormatDate(card.Expires));
        PageParts.AddFact(facts, "Credential ID", credential.CredentialId);

        var url = address.Absolute(badge.Url);
        var image = badge.FileUrl(details.Image);
        return new BadgeViewModel(
            new PageInfo(badge.Title, badge.Description, Section.Badges, badge.Url, "article",
                [JsonLd.Credential(badge, url, [], "badge", image is null ? null : address.Absolute(image)), PageParts.Breadcrumbs(address, [new Crumb("Badges", SiteUrls.Badges)], badge)],
                body.Image),
            body.Article,
            facts,
            PageParts.CredentialActions(badge, today, address),
            await PanelAsync(badge, today, cancellationToken));
    }

    /// <summary>What a page shows of a badge: its pictures, its download, and what was checked, with its validity on the day.</summary>
    public async Task<BadgePanel> PanelAsync(IndexedEntry badge, CredentialDay today, CancellationToken cancellationToken)
    {
        var details = badge.Badge ?? new BadgeDetails();
        var credential = badge.Credential ?? new CredentialDetails();
        var size = await bodies.FileSizeAsync(badge, details.Download, cancellationToken) ?? 0;
        var extension = Path.GetExtension(details.FileName).TrimStart('.').ToUpperInvariant();
        var checks = new List<BadgeCheckLine> { Validity(badge, credential, today) };
        checks.AddRange(details.Checks.Select(c => new BadgeCheckLine(
            c.What, c.Passed switch { true => BadgeCheckOutcome.Passed, false => BadgeCheckOutcome.Failed, null => BadgeCheckOutcome.NotChecked }, c.Detail)));
        return new BadgePanel(
            badge.Title,
            badge.FileUrl(details.Image),
            details.Image is null ? details.ImageNote ?? "The badge carries no picture." : null,
            credential.Issuer,
            badge.FileUrl(details.IssuerImage),
            badge.FileUrl(details.Download)!,
            details.FileName,
            $"{(extension.Length == 0 ? "File" : extension)}, {Size(size)}",
            details.Format,
            checks);
    }

    /// <summary>Whether the badge is valid on the day the page is served: the dates it gives, against the site's clock.</summary>
    private static BadgeCheckLine Validity(IndexedEntry badge, CredentialDetails credential, CredentialDay today)
    {
        var state = today.StateOf(badge);
        var expires = CredentialValidity.ExpiresOn(badge.Kind, badge.Title, badge.Date, credential);
        var day = Format.Date(today.Date);
        return state switch
        {
            CredentialState.NotYetValid => new("Valid today", BadgeCheckOutcome.Failed, $"Not yet on {day}: it is valid from {Format.Date(credential.ValidFrom!.Value)}."),
            CredentialState.Expired => new("Valid today", BadgeCheckOutcome.Failed, $"No, not on {day}: it expired on {Format.Date(expires!.Value)}."),
            _ when badge.Date is null && credential.ValidFrom is null => new("Valid today", BadgeCheckOutcome.NotChecked, "It gives no date to check against."),
            _ => new("Valid today", BadgeCheckOutcome.Passed, expires is { } until
                ? $"Yes, on {day}: it is valid from {Format.Date((credential.ValidFrom ?? badge.Date)!.Value)} until {Format.Date(until)}."
                : $"Yes, on {day}: it is valid from {Format.Date((credential.ValidFrom ?? badge.Date)!.Value)}, with no expiry."),
        };
    }

    private static string Size(int bytes) => bytes < 1024 ? $"{bytes} bytes" : bytes < 1024 * 1024 ? $"{Math.Ceiling(bytes / 1024.0):0} KB" : $"{bytes / (1024.0 * 1024.0):0.0} MB";
}
