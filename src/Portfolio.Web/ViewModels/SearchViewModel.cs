using Microsoft.AspNetCore.Html;
using Portfolio.Content.Data;

namespace Portfolio.Web.ViewModels;

/// <summary>One search result: the entry, its title and a snippet with the matching words marked.</summary>
public sealed record SearchResult(string Url, IHtmlContent Title, EntryKind Kind, string KindName, IHtmlContent Snippet, IReadOnlyList<TagLink> Tags);

/// <summary>The search page: the query, the tag filters as chips, and the ranked results; or, in a static copy, the form its script searches with in the browser.</summary>
public sealed record SearchViewModel(
    PageInfo Page,
    string Query,
    IReadOnlyList<string> Tags,
    IReadOnlyList<FilterChip> Chips,
    IReadOnlyList<SearchResult> Results,
    bool InBrowser = false) : IPageModel;
