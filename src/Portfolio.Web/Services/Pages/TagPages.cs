using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>Every tag with its count, and the entries of one tag a page at a time.</summary>
public sealed class TagPages(ContentIndexProvider indexes, CredentialClock credentialClock, SiteAddress address)
{
    public async Task<TagsViewModel> TagsAsync(CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        return new TagsViewModel(
            new PageInfo("Tags", $"Every tag of the portfolio of {index.Site.Name}, with how many entries carry it.", Section.Tags, SiteUrls.Tags),
            index.Tags.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList());
    }


    /// <summary>How many cards a page of a tag shows: a tag of a large site is read a page at a time.</summary>
    public const int PageSize = 50;

    /// <summary>A page of the entries with a tag; no page when there is no such tag or page; a redirect for another spelling of the tag.</summary>
    public async Task<(TagViewModel? Page, string? RedirectTo)> TagAsync(string text, int page, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var slug = index.CanonicalTag(text);
        if (!index.TagsBySlug.TryGetValue(slug, out var tag))
        {
            return (null, null);
        }

        if (slug != text)
        {
            return (null, SiteUrls.Tag(slug, page));
        }

        // Credentials first, then the other kinds in this order, each in the order of its parent and source; a page is
        // a slice of that sequence, and only the slice becomes cards.
        var day = credentialClock.Today();
        var credentials = day.ExpiredLast(index.Credentials.Where(e => e.HasTag(slug))).ToList();
        var tagged = index.Entries.Where(e => e.Kind != EntryKind.GuidePart && e.HasTag(slug)).ToList();
        var groups = new (string Heading, EntryKind Kind)[]
            {
                ("Capstone projects", EntryKind.Capstone),
                ("Course notes", EntryKind.CourseNote),
                ("Guides", EntryKind.Guide),
                ("Guide modules", EntryKind.GuideModule),
                ("Pages", EntryKind.Page),
            }
            .Select(g => (g.Heading, Entries: tagged.Where(e => e.Kind == g.Kind).OrderBy(e => e.ParentId).ThenBy(e => e.Order).ToList()))
            .ToList();
        var total = credentials.Count + groups.Sum(g => g.Entries.Count);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (page < 1 || page > pages)
        {
            return (null, null);
        }

        var skip = (page - 1) * PageSize;
        var left = PageSize;
        List<T> Slice<T>(List<T> items)
        {
            var slice = items.Skip(skip).Take(left).ToList();
            skip = Math.Max(0, skip - items.Count);
            left -= slice.Count;
            return slice;
        }

        var credentialCards = Slice(credentials).Select(e => e.ToCredentialCard(day)).ToList();
        var groupCards = groups
            .Select(g => (g.Heading, (IReadOnlyList<EntryCard>)Slice(g.Entries).Select(e => e.ToEntryCard()).ToList()))
            .Where(g => g.Item2.Count > 0)
            .ToList();
        var url = SiteUrls.Tag(slug, page);
        var title = page == 1 ? $"Tagged “{tag.Name}”" : $"Tagged “{tag.Name}”, page {page} of {pages}";
        return (new TagViewModel(
            new PageInfo(title, $"{tag.Count} entries of the portfolio of {index.Site.Name} tagged {tag.Name}.", Section.Tags, url, "website",
                [JsonLd.Breadcrumbs([("Home", address.Absolute(SiteUrls.Home)), ("Tags", address.Absolute(SiteUrls.Tags)), (tag.Name, address.Absolute(SiteUrls.Tag(slug)))])]),
            tag,
            credentialCards,
            groupCards,
            new Pager(page, pages, page > 1 ? SiteUrls.Tag(slug, page - 1) : null, page < pages ? SiteUrls.Tag(slug, page + 1) : null),
            credentials.Count > 0), null);
    }
}
