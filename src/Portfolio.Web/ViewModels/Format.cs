using System.Globalization;
using Portfolio.Content.Data;
using Portfolio.Content.Markdown;

namespace Portfolio.Web.ViewModels;

/// <summary>How dates and counts read on the pages.</summary>
public static class Format
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>"5 March 2024".</summary>
    public static string Date(DateTime date) => date.ToString("d MMMM yyyy", English);

    /// <summary>"March 2024".</summary>
    public static string MonthYear(DateTime date) => date.ToString("MMMM yyyy", English);

    /// <summary>The machine-readable date for a time element.</summary>
    public static string Iso(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A credential's state as a visitor reads it.</summary>
    public static string State(CredentialState state) => state switch
    {
        CredentialState.Completed => "Completed",
        CredentialState.Active => "Active",
        CredentialState.ExpiringSoon => "Expiring soon",
        CredentialState.Expired => "Expired",
        CredentialState.NotYetValid => "Not yet valid",
        _ => "In preparation",
    };

    /// <summary>"expires in 75 days", "expires in 1 day": how soon a credential in its renewal window expires.</summary>
    public static string ExpiresIn(int days) => $"expires in {Count(days, "day")}";

    /// <summary>"9 of 14 objectives": task-list items checked of those written.</summary>
    public static string Objectives(TaskProgress tasks) => $"{tasks.Done} of {Count(tasks.Total, "objective")}";

    /// <summary>"Ada", "Ada and Alan", "Ada, Alan and Grace".</summary>
    public static string Names(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";

    /// <summary>"1 result", "3 results".</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";
}
