using Portfolio.Content.Data;

namespace Portfolio.Web.ViewModels;

/// <summary>An active filter, shown as a chip that removes itself.</summary>
public sealed record FilterChip(string Label, string RemoveUrl);

/// <summary>A filter on offer: the URL with it added and how many credentials that would show.</summary>
public sealed record FilterOption(string Label, string Url, int Count, bool Active);

/// <summary>The credentials page: the cards that pass the filter, the active filters, and the filters on offer with their counts.</summary>
public sealed record CredentialsViewModel(
    PageInfo Page,
    CredentialQuery Query,
    IReadOnlyList<CredentialCard> Results,
    IReadOnlyList<FilterChip> Chips,
    IReadOnlyList<FilterOption> TagOptions,
    IReadOnlyList<FilterOption> KindOptions,
    IReadOnlyList<FilterOption> MatchOptions,
    int Total) : IPageModel
{
    public string ClearUrl => CredentialQuery.Empty.Url;

    public static string KindLabel(EntryKind? kind) => kind switch
    {
        EntryKind.Program => "Programs",
        EntryKind.Certification => "Certifications",
        EntryKind.Badge => "Badges",
        _ => "All kinds",
    };
}
