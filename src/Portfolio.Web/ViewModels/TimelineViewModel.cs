using Portfolio.Content.Loading;

namespace Portfolio.Web.ViewModels;

/// <summary>One thing on the timeline, with what belongs to it (a program's capstones).</summary>
public sealed record TimelineItem(string Url, string Title, string KindName, DateTime? Date, string? Detail, IReadOnlyList<EntryCard> Parts);

/// <summary>Everything dated, by year, newest first; what is under way first.</summary>
public sealed record TimelineViewModel(PageInfo Page, IReadOnlyList<TimelineItem> InProgress, IReadOnlyList<(int Year, IReadOnlyList<TimelineItem> Items)> Years) : IPageModel;

/// <summary>A capstone as the CV lists it.</summary>
public sealed record CvProject(string Title, string Url, string Program, string? Objective, IReadOnlyList<TagLink> Technologies);

/// <summary>The one-page CV: who, credentials, projects, skills; printable on A4 and Letter.</summary>
public sealed record CvViewModel(
    PageInfo Page,
    SiteProfile Site,
    IReadOnlyList<CredentialCard> Credentials,
    IReadOnlyList<CvProject> Projects,
    IReadOnlyList<EntryCard> Writing,
    IReadOnlyList<TagLink> Skills,
    string SiteUrl) : IPageModel;
