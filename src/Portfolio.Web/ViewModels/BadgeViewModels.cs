namespace Portfolio.Web.ViewModels;

/// <summary>A badge's page: its article (criteria, evidence, alignment), facts, state on the day, and the badge itself.</summary>
public sealed record BadgeViewModel(
    PageInfo Page,
    Article Article,
    IReadOnlyList<Fact> Facts,
    CredentialActions Actions,
    BadgePanel Badge) : IPageModel;

/// <summary>
/// What a badge's page, and the page of a certification that names the badge, show of it: its picture (or why there is
/// none), its issuer's picture, the download of the original file, and what was checked.
/// </summary>
public sealed record BadgePanel(
    string Title,
    string? ImageUrl,
    string? ImageNote,
    string? IssuerName,
    string? IssuerImageUrl,
    string DownloadUrl,
    string FileName,
    string FileDescription,
    string Format,
    IReadOnlyList<BadgeCheckLine> Checks);

/// <summary>One thing checked about a badge, or not: "Signature", "Not checked", and why.</summary>
public sealed record BadgeCheckLine(string What, BadgeCheckOutcome Outcome, string Detail)
{
    public string OutcomeName => Outcome switch
    {
        BadgeCheckOutcome.Passed => "Checked",
        BadgeCheckOutcome.Failed => "Problem",
        _ => "Not checked",
    };
}

/// <summary>How a check came out.</summary>
public enum BadgeCheckOutcome
{
    NotChecked,
    Passed,
    Failed,
}
