using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>A certification's page, with its guide's modules as a reading list when it is in preparation.</summary>
public sealed class CertificationPages(ContentIndexProvider indexes, EntryBodies bodies, BadgePages badges, CredentialClock credentials, SiteAddress address)
{
    public async Task<CertificationViewModel?> CertificationAsync(string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.Certification, slug) is not { } certification)
        {
            return null;
        }

        var body = await bodies.GetAsync(index, certification, cancellationToken);
        var credential = certification.Credential ?? new CredentialDetails();
        var day = credentials.Today();
        var actions = PageParts.CredentialActions(certification, day, address);
        var card = actions.Card;
        var facts = new List<Fact>();
        PageParts.AddFact(facts, "Issuer", credential.Issuer);
        PageParts.AddFact(facts, "Exam code", credential.Code);
        PageParts.AddFact(facts, "Status", Format.State(card.State));
        PageParts.AddFact(facts, "Earned", credential.Status == CredentialStatus.Earned ? PageParts.FormatDate(certification.Date) : null);
        PageParts.AddFact(facts, card.State == CredentialState.Expired ? "Expired" : "Valid until", PageParts.FormatDate(card.Expires));
        PageParts.AddFact(facts, "Credential ID", credential.CredentialId);
        PageParts.AddFact(facts, "Exam date", PageParts.FormatDate(card.ExamDate));

        var guide = credential.GuideId is { } guideId && index.ById.TryGetValue(guideId, out var g) ? g : null;
        var readingList = guide is null ? [] : index.ChildrenOf(guide.Id, EntryKind.GuideModule).Select(e => e.ToEntryCard()).ToList();
        return new CertificationViewModel(
            new PageInfo(certification.Title, certification.Description, Section.Certifications, certification.Url, "article",
                [JsonLd.Credential(certification, address.Absolute(certification.Url), body.Topics.SelectMany(t => t.Items).Where(t => t.Depth == 0).Select(t => t.Title))],
                body.Image),
            body.Article,
            facts,
            card.State,
            actions,
            body.Topics,
            PageParts.Neighbour(guide),
            readingList,
            // How far the study has come is for a certification still in preparation, not one earned.
            guide is not null && card.State == CredentialState.InPreparation ? guide.Tasks : default,
            index.BadgeOf(certification) is { } badge ? await badges.PanelAsync(badge, credentials.Today(), cancellationToken) : null);
    }
}
