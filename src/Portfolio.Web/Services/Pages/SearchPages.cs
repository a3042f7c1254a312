using Portfolio.Content.Data;
using Microsoft.AspNetCore.Html;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>The search page: full-text search over every entry, filtered by tags.</summary>
public sealed class SearchPages(ContentIndexProvider indexes, PortfolioDbContext db)
{
    public async Task<SearchViewModel> SearchAsync(string text, IReadOnlyList<string> tagParameters, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var tags = index.CanonicalTags(tagParameters);
        var hits = string.IsNullOrWhiteSpace(text) ? [] : SearchIndex.Search(db, text);
        var results = hits
            .Select(hit => (Hit: hit, Entry: index.ById.GetValueOrDefault(hit.EntryId)))
            .Where(r => r.Entry is not null && r.Entry.Kind != EntryKind.GuidePart && tags.All(r.Entry.HasTag))
            .Select(r => new SearchResult(r.Entry!.Url, Marked(r.Hit.Title), r.Entry.Kind, r.Entry.Kind.DisplayName(), Marked(r.Hit.Snippet), r.Entry.Tags))
            .ToList();

        string SearchUrl(IEnumerable<string> withTags) =>
            SiteUrls.Search + "?q=" + Uri.EscapeDataString(text) + string.Concat(withTags.Select(t => "&tag=" + Uri.EscapeDataString(t)));
        var chips = tags.Select(slug => new FilterChip(
            index.TagsBySlug.TryGetValue(slug, out var tag) ? tag.Name : slug, SearchUrl(tags.Where(t => t != slug)))).ToList();
        var title = string.IsNullOrWhiteSpace(text) ? "Search" : $"Search: {Shorten(text)}";
        return new SearchViewModel(
            new PageInfo(title, $"Search the learning portfolio of {index.Site.Name}.", Section.None),
            text, tags, chips, results);
    }

    /// <summary>Matched words between the index's marks become mark elements; everything else is encoded.</summary>
    private static HtmlString Marked(string text) => new(System.Net.WebUtility.HtmlEncode(text)
        .Replace(SearchIndex.MatchStart.ToString(), "<mark>", StringComparison.Ordinal)
        .Replace(SearchIndex.MatchEnd.ToString(), "</mark>", StringComparison.Ordinal));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
