using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Outbound;

/// <summary>What a calendar event of a credential marks.</summary>
public enum CredentialEventKind
{
    /// <summary>The day it expires.</summary>
    Expiry,

    /// <summary>The days before its expiry when it is due for renewal.</summary>
    Renewal,

    /// <summary>The planned day of its exam.</summary>
    Exam,
}

/// <summary>An all-day event of a credential, from its first day to the day after its last (as iCalendar's DTEND is).</summary>
public sealed record CredentialEvent(CredentialEventKind Kind, IndexedEntry Credential, DateTime Start, DateTime End, string Summary, string Description)
{
    /// <summary>Stays the same across imports (it is made of the entry's key, not its id), so a subscribed calendar updates the event rather than adding it again.</summary>
    public string Uid(string host) =>
        $"{Kind.ToString().ToLowerInvariant()}-{Credential.Key.Replace(':', '-').Replace('/', '-')}@{host}";
}

/// <summary>The dates of credentials that belong in a calendar: expiries, renewal windows and planned exams.</summary>
public static class CredentialEvents
{
    /// <summary>A credential's events, whatever the day: the calendar keeps the past ones too.</summary>
    public static IEnumerable<CredentialEvent> Of(IndexedEntry credential, int renewalWindowDays)
    {
        var details = credential.Credential ?? new CredentialDetails();
        var by = details.Issuer ?? details.Provider;
        var code = details.Code is null ? "" : $" ({details.Code})";
        var what = credential.Kind.DisplayName().ToLowerInvariant();
        if (CredentialValidity.ExpiresOn(credential.Kind, credential.Title, credential.Date, details) is { } expires)
        {
            var earned = credential.Date is { } date ? $", earned on {Format.Date(date)}," : "";
            var opens = CredentialValidity.RenewalOpensOn(expires, renewalWindowDays);
            yield return new CredentialEvent(CredentialEventKind.Renewal, credential, opens, expires,
                $"Renew {credential.Title}{code}",
                $"The {what} {credential.Title}{code}{(by is null ? "" : " from " + by)}{earned} expires on {Format.Date(expires)}; "
                + $"its renewal window is the {Format.Count(renewalWindowDays, "day")} before.");
            yield return new CredentialEvent(CredentialEventKind.Expiry, credential, expires, expires.AddDays(1),
                $"{credential.Title}{code} expires",
                $"The {what} {credential.Title}{code}{(by is null ? "" : " from " + by)}{earned} expires today.");
        }

        if (details.Status == CredentialStatus.InPreparation && details.ExamDate is { } exam)
        {
            yield return new CredentialEvent(CredentialEventKind.Exam, credential, exam.Date, exam.Date.AddDays(1),
                $"Exam: {credential.Title}{code}",
                $"The planned exam of the {what} {credential.Title}{code}{(by is null ? "" : " from " + by)}.");
        }
    }
}
