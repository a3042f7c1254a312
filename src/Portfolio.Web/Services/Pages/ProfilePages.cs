using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>The timeline of everything dated and the one-page CV.</summary>
public sealed class ProfilePages(ContentIndexProvider indexes, CredentialClock credentials, SiteAddress address)
{
    public async Task<TimelineViewModel> TimelineAsync(CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        TimelineItem Item(IndexedEntry entry) => new(
            entry.Url, entry.Title, entry.Kind.DisplayName(), entry.Date,
            entry.Credential?.Issuer ?? entry.Credential?.Provider,
            index.ChildrenOf(entry.Id, EntryKind.Capstone).Select(c => c.ToEntryCard()).ToList());

        // Capstones are shown with their program; guide modules with their guide.
        var shown = index.Entries.Where(e => e.Kind is EntryKind.Program or EntryKind.Certification or EntryKind.Badge or EntryKind.Guide or EntryKind.CourseNote or EntryKind.Page).ToList();
        var inProgress = shown
            .Where(e => e.Credential?.Status == CredentialStatus.InPreparation || (e.Kind == EntryKind.Guide && e.Date is null))
            .OrderBy(e => e.Title, StringComparer.OrdinalIgnoreCase)
            .Select(e => e.Kind == EntryKind.Guide ? Item(e) with { Detail = GuideProgress(index, e) } : Item(e))
            .ToList();
        var years = shown
            .Where(e => e.Date is not null && e.Credential?.Status != CredentialStatus.InPreparation)
            .OrderByDescending(e => e.Date)
            .GroupBy(e => e.Date!.Value.Year)
            .Select(g => (g.Key, (IReadOnlyList<TimelineItem>)g.Select(Item).ToList()))
            .ToList();
        return new TimelineViewModel(
            new PageInfo("Timeline", $"What {index.Site.Name} learned, year by year.", Section.None, SiteUrls.Timeline),
            inProgress, years);
    }

    private static string GuideProgress(ContentIndex index, IndexedEntry guide)
    {
        var written = index.ChildrenOf(guide.Id, EntryKind.GuideModule).Count(m => m.Number is not null);
        var modules = guide.PlannedModules is { } planned ? $"{written} of {planned} modules written" : Format.Count(written, "module") + " written";
        return guide.Tasks.Total > 0 ? $"{modules} · {Format.Objectives(guide.Tasks)}" : modules;
    }

    public async Task<CvViewModel> CvAsync(CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var projects = index.Entries.Where(e => e.Kind == EntryKind.Capstone)
            .OrderByDescending(e => e.Date).ThenBy(e => e.Order)
            .Select(e => new CvProject(e.Title, address.Absolute(e.Url), index.ParentOf(e)?.Title ?? "", e.Description, e.Tags))
            .ToList();
        return new CvViewModel(
            new PageInfo($"{index.Site.Name} · CV", $"The CV of {index.Site.Name}: credentials, projects and skills.", Section.None, SiteUrls.Cv, "profile", Alternates: [Alternate.Resume(index.Site.Name)]),
            index.Site,
            // On paper a link is only as good as its written-out address, so the CV links absolutely.
            credentials.Today().Cards(index.Credentials).ConvertAll(c => c with { Url = address.Absolute(c.Url) }),
            projects,
            index.Entries.Where(e => e.Kind == EntryKind.Guide)
                .Select(e => e.ToEntryCard() with { Url = address.Absolute(e.Url), Description = GuideProgress(index, e) }).ToList(),
            index.Tags.Where(t => t.Count > 1).ToList(),
            address.Absolute(SiteUrls.Home));
    }
}
