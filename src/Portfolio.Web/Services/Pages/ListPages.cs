using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>The lists of programs, certifications, badges and guides.</summary>
public sealed class ListPages(ContentIndexProvider indexes, CredentialClock credentials)
{
    public async Task<ListViewModel> ListAsync(EntryKind kind, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        return kind switch
        {
            EntryKind.Program => new ListViewModel(
                new PageInfo("Programs", $"The learning programs of {index.Site.Name}.", Section.Programs, SiteUrls.Programs),
                "Programs completed, with their capstone projects and course notes.",
                credentials.Today().Cards(index.Credentials.Where(e => e.Kind == EntryKind.Program)), []),
            EntryKind.Certification => new ListViewModel(
                new PageInfo("Certifications", $"The certifications of {index.Site.Name}, earned and in preparation.", Section.Certifications, SiteUrls.Certifications),
                "Certifications earned, and those in preparation.",
                credentials.Today().Cards(index.Credentials.Where(e => e.Kind == EntryKind.Certification)), []),
            EntryKind.Badge => new ListViewModel(
                new PageInfo("Badges", $"The Open Badges of {index.Site.Name}, read from the files their issuers handed out.", Section.Badges, SiteUrls.Badges),
                "Open Badges awarded by their issuers, each with its picture, its original file and what was checked of it.",
                credentials.Today().Cards(index.Credentials.Where(e => e.Kind == EntryKind.Badge)), []),
            _ => new ListViewModel(
                new PageInfo("Guides", $"Study guides written by {index.Site.Name}.", Section.Guides, SiteUrls.Guides),
                "Study guides, written module by module.",
                [], index.Entries.Where(e => e.Kind == EntryKind.Guide).OrderBy(e => e.Title).Select(e => e.ToEntryCard()).ToList()),
        };
    }
}
