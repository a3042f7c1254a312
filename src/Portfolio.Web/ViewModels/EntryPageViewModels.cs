using Portfolio.Content.Data;
using Portfolio.Content.Markdown;

namespace Portfolio.Web.ViewModels;

/// <summary>A labelled fact shown beside the text: "Provider", "Udacity".</summary>
public sealed record Fact(string Label, string Value, string? Url = null);

/// <summary>The items of one section of an entry's structure (lessons, competencies), with nested items.</summary>
public sealed record TopicGroup(string Section, string? SectionId, IReadOnlyList<Topic> Items);

/// <summary>A link to the neighbour of a page in its sequence.</summary>
public sealed record Neighbour(string Url, string Title, string? Label);

/// <summary>What every content page shows: title, body, table of contents, tags, when it was updated and who wrote it (when its front matter says), and the entries that link to it.</summary>
public sealed record Article(
    string Title,
    string? Label,
    string? Description,
    bool DescriptionIsExcerpt,
    string Html,
    IReadOnlyList<TocItem> Toc,
    int WordCount,
    int ReadingMinutes,
    DateTime? Date,
    IReadOnlyList<TagLink> Tags,
    DateTime? Updated,
    IReadOnlyList<string> Authors,
    IReadOnlyList<EntryCard> LinkedFrom);

/// <summary>
/// What a credential's page offers beside its facts: how near its expiry is (from its card), and links to verify it, to
/// add it to a LinkedIn profile and to put its dates in a calendar, each where it applies.
/// </summary>
public sealed record CredentialActions(CredentialCard Card, string? VerificationUrl, string? LinkedInUrl, string? CalendarUrl)
{
    /// <summary>The name the calendar file is saved under: the page's slug.</summary>
    public string CalendarFile => Card.Url[(Card.Url.LastIndexOf('/') + 1)..] + ".ics";
}

public sealed record ProgramViewModel(
    PageInfo Page,
    Article Article,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<EntryCard> Capstones,
    IReadOnlyList<EntryCard> Notes,
    CredentialActions? Actions = null,
    BadgePanel? Badge = null) : IPageModel;

public sealed record CapstoneViewModel(
    PageInfo Page,
    Article Article,
    IReadOnlyList<Crumb> Breadcrumb,
    CapstoneDetails Details,
    IReadOnlyList<TagLink> Technologies,
    Neighbour? Previous,
    Neighbour? Next,
    string ProgramUrl,
    string ProgramTitle) : IPageModel;

public sealed record CourseNoteViewModel(
    PageInfo Page,
    Article Article,
    IReadOnlyList<Crumb> Breadcrumb,
    IReadOnlyList<TopicGroup> Topics,
    string ProgramUrl,
    string ProgramTitle) : IPageModel;

public sealed record CertificationViewModel(
    PageInfo Page,
    Article Article,
    IReadOnlyList<Fact> Facts,
    CredentialState State,
    CredentialActions Actions,
    IReadOnlyList<TopicGroup> Competencies,
    Neighbour? Guide,
    IReadOnlyList<EntryCard> ReadingList,
    TaskProgress GuideObjectives,
    BadgePanel? Badge = null) : IPageModel;

/// <summary>A part of a guide with its modules, or the chapters before the first part.</summary>
public sealed record GuidePartGroup(string? Id, string? Label, string? Title, string? Description, IReadOnlyList<EntryCard> Chapters);

public sealed record GuideViewModel(
    PageInfo Page,
    Article Article,
    IReadOnlyList<GuidePartGroup> Parts,
    int ModulesWritten,
    int? ModulesPlanned,
    int ReadingMinutes,
    TaskProgress Objectives,
    IReadOnlyList<Neighbour> PreparesFor) : IPageModel
{
    /// <summary>How far the guide has come, from 0 to 100.</summary>
    public int PercentWritten => ModulesPlanned is > 0 ? Math.Min(100, ModulesWritten * 100 / ModulesPlanned.Value) : 100;
}

public sealed record ModuleViewModel(
    PageInfo Page,
    Article Article,
    IReadOnlyList<Crumb> Breadcrumb,
    string Position,
    Neighbour? Previous,
    Neighbour? Next,
    string GuideUrl,
    string GuideTitle,
    TaskProgress Objectives) : IPageModel;

/// <summary>A list page (programs, certifications, guides).</summary>
public sealed record ListViewModel(PageInfo Page, string Intro, IReadOnlyList<CredentialCard> Credentials, IReadOnlyList<EntryCard> Entries) : IPageModel;

public sealed record TagsViewModel(PageInfo Page, IReadOnlyList<TagLink> Tags) : IPageModel;

/// <summary>Everything with one tag, grouped by kind.</summary>
public sealed record TagViewModel(PageInfo Page, TagLink Tag, IReadOnlyList<CredentialCard> Credentials, IReadOnlyList<(string Heading, IReadOnlyList<EntryCard> Entries)> Groups, Pager Pager, bool HasCredentials) : IPageModel;

/// <summary>Where a page stands in a run of pages, with the addresses of its neighbours.</summary>
public sealed record Pager(int Page, int Pages, string? PreviousUrl, string? NextUrl);

public sealed record ErrorViewModel(PageInfo Page, int Status, string Message) : IPageModel
{
    /// <summary>The error page of a status code, in words a visitor understands.</summary>
    public static ErrorViewModel For(int status)
    {
        var (title, message) = status switch
        {
            404 => ("Page not found", "There is no page at this address. It may have moved, or the link may be mistyped."),
            400 => ("Bad request", "The address asks for something this site cannot answer."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            503 => ("Back in a moment", "The site is rebuilding its content. Please try again in a few seconds."),
            >= 500 => ("Something went wrong", "The page could not be shown. Please try again in a moment."),
            _ => ("Request not answered", "This request cannot be answered."),
        };
        return new ErrorViewModel(new PageInfo(title, message, Section.None), status, message);
    }
}
