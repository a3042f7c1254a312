using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>A program's page and those of its capstone projects and course notes.</summary>
public sealed class ProgramPages(ContentIndexProvider indexes, EntryBodies bodies, BadgePages badges, CredentialClock credentials, SiteAddress address)
{
    public async Task<ProgramViewModel?> ProgramAsync(string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.Program, slug) is not { } program)
        {
            return null;
        }

        var body = await bodies.GetAsync(index, program, cancellationToken);
        var credential = program.Credential;
        var facts = new List<Fact>();
        PageParts.AddFact(facts, "Provider", credential?.Provider);
        PageParts.AddFact(facts, "Duration", credential?.Duration);
        PageParts.AddFact(facts, "Funding", credential?.Funding);
        PageParts.AddFact(facts, "Completed", credential?.Status == CredentialStatus.InPreparation ? "In progress" : PageParts.FormatDate(program.Date));
        foreach (var (label, value) in body.Facts.Where(f => f.Key is not ("Program" or "Provider" or "Duration" or "Funding")))
        {
            PageParts.AddFact(facts, label, value);
        }

        return new ProgramViewModel(
            new PageInfo(program.Title, program.Description, Section.Programs, program.Url, "article",
                [JsonLd.Course(program, address.Absolute(program.Url), credential?.Provider, body.Article.Authors,
                    index.ChildrenOf(program.Id, EntryKind.Capstone).Select(c => (c.Title, address.Absolute(c.Url))))],
                body.Image),
            body.Article,
            facts,
            index.ChildrenOf(program.Id, EntryKind.Capstone).Select(e => e.ToEntryCard()).ToList(),
            index.ChildrenOf(program.Id, EntryKind.CourseNote).Select(e => e.ToEntryCard()).ToList(),
            PageParts.CredentialActions(program, credentials.Today(), address),
            index.BadgeOf(program) is { } badge ? await badges.PanelAsync(badge, credentials.Today(), cancellationToken) : null);
    }

    public async Task<CapstoneViewModel?> CapstoneAsync(string programSlug, string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.Capstone, slug, programSlug) is not { } capstone || index.ParentOf(capstone) is not { } program)
        {
            return null;
        }

        var body = await bodies.GetAsync(index, capstone, cancellationToken);
        var (previous, next) = index.NeighboursOf(capstone);
        var details = await bodies.CapstoneAsync(capstone, cancellationToken);
        return new CapstoneViewModel(
            new PageInfo($"{capstone.Title} · {program.Title}", capstone.Description, Section.Programs, capstone.Url, "article",
                [PageParts.Breadcrumbs(address, [new Crumb("Programs", SiteUrls.Programs), new Crumb(program.Title, program.Url)], capstone)],
                body.Image),
            body.Article,
            [new Crumb("Programs", SiteUrls.Programs), new Crumb(program.Title, program.Url)],
            details,
            capstone.Tags,
            PageParts.Neighbour(previous),
            PageParts.Neighbour(next),
            program.Url,
            program.Title);
    }

    public async Task<CourseNoteViewModel?> CourseNoteAsync(string programSlug, string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        if (index.Find(EntryKind.CourseNote, slug, programSlug) is not { } note || index.ParentOf(note) is not { } program)
        {
            return null;
        }

        var body = await bodies.GetAsync(index, note, cancellationToken);
        return new CourseNoteViewModel(
            new PageInfo($"{note.Title} · {program.Title}", note.Description, Section.Programs, note.Url, "article",
                [PageParts.Breadcrumbs(address, [new Crumb("Programs", SiteUrls.Programs), new Crumb(program.Title, program.Url)], note)],
                body.Image),
            body.Article,
            [new Crumb("Programs", SiteUrls.Programs), new Crumb(program.Title, program.Url)],
            body.Topics,
            program.Url,
            program.Title);
    }
}
