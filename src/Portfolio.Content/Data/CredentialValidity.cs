namespace Portfolio.Content.Data;

/// <summary>Where a credential stands on a given day; worked out when a page is served, never stored.</summary>
public enum CredentialState
{
    /// <summary>A completed program: it does not expire.</summary>
    Completed,

    /// <summary>Earned and valid, with no expiry or one further away than the renewal window.</summary>
    Active,

    /// <summary>Earned and valid, in the renewal window before its expiry.</summary>
    ExpiringSoon,

    /// <summary>Past its expiry.</summary>
    Expired,

    /// <summary>Being prepared for.</summary>
    InPreparation,

    /// <summary>Awarded, but valid only from a later day (a badge's validFrom).</summary>
    NotYetValid,
}

/// <summary>A credential's expiry and state: from the front matter where it says, from the issuer's rule where it does not.</summary>
public static class CredentialValidity
{
    /// <summary>How many days before its expiry a credential is due for renewal (and expiring soon), unless the site sets another window.</summary>
    public const int DefaultRenewalWindowDays = 90;

    /// <summary>AWS certifications are valid for three years from the day they are earned.</summary>
    public const int AwsValidYears = 3;

    /// <summary>How many years a certification is valid: the front matter's <c>valid_years</c>, else the issuer's rule, else unknown.</summary>
    public static int? ValidYears(string title, CredentialDetails credential) =>
        credential.ValidYears ?? (IsAws(title, credential.Issuer) ? AwsValidYears : null);

    /// <summary>The day a credential expires: the front matter's <c>expires</c> (a badge's own), else the issue date plus its validity; null when it does not.</summary>
    public static DateTime? ExpiresOn(EntryKind kind, string title, DateTime? issued, CredentialDetails credential)
    {
        if (kind is not (EntryKind.Certification or EntryKind.Badge) || credential.Status == CredentialStatus.InPreparation)
        {
            return null;
        }

        if (kind == EntryKind.Badge)
        {
            // A badge says itself when it expires; an issuer's rule for its certifications is not the badge's.
            return credential.Expires;
        }

        return credential.Expires ?? (issued is { } date && ValidYears(title, credential) is { } years ? date.Date.AddYears(years) : null);
    }

    /// <summary>The state of a credential on a day, with a renewal window of so many days before its expiry.</summary>
    public static CredentialState StateOn(DateTime today, EntryKind kind, string title, DateTime? issued, CredentialDetails credential, int renewalWindowDays = DefaultRenewalWindowDays)
    {
        if (credential.Status == CredentialStatus.InPreparation)
        {
            return CredentialState.InPreparation;
        }

        if (kind == EntryKind.Program)
        {
            return CredentialState.Completed;
        }

        if (credential.ValidFrom is { } from && today.Date < from.Date)
        {
            return CredentialState.NotYetValid;
        }

        return ExpiresOn(kind, title, issued, credential) is not { } expires ? CredentialState.Active
            : today.Date >= expires ? CredentialState.Expired
            : today.Date >= RenewalOpensOn(expires, renewalWindowDays) ? CredentialState.ExpiringSoon
            : CredentialState.Active;
    }

    /// <summary>The first day of the renewal window before an expiry.</summary>
    public static DateTime RenewalOpensOn(DateTime expires, int renewalWindowDays) => expires.Date.AddDays(-renewalWindowDays);

    private static bool IsAws(string title, string? issuer) =>
        issuer is not null
            ? issuer.Contains("Amazon Web Services", StringComparison.OrdinalIgnoreCase) || issuer.Equals("AWS", StringComparison.OrdinalIgnoreCase)
            : title.StartsWith("AWS Certified", StringComparison.OrdinalIgnoreCase);
}
