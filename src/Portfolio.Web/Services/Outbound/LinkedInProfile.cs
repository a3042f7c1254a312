using System.Globalization;
using Portfolio.Content.Data;

namespace Portfolio.Web.Services.Outbound;

/// <summary>LinkedIn's add-to-profile address: a plain link that opens LinkedIn's certification form filled in with a credential.</summary>
public static class LinkedInProfile
{
    public const string AddToProfile = "https://www.linkedin.com/profile/add";

    /// <summary>
    /// The address that adds an earned credential to a LinkedIn profile: its name, who granted it, when it was issued and
    /// expires, its address (where it is verified, else its page) and its id; null for one that is not earned.
    /// </summary>
    public static string? AddUrl(IndexedEntry credential, string pageUrl)
    {
        var details = credential.Credential;
        if (details is null || details.Status != CredentialStatus.Earned)
        {
            return null;
        }

        var parameters = new List<KeyValuePair<string, string?>>
        {
            new("startTask", "CERTIFICATION_NAME"),
            new("name", credential.Title),
        };
        Add(parameters, "organizationName", details.Issuer ?? details.Provider);
        if (credential.Date is { } issued)
        {
            Add(parameters, "issueYear", issued.Year.ToString(CultureInfo.InvariantCulture));
            Add(parameters, "issueMonth", issued.Month.ToString(CultureInfo.InvariantCulture));
        }

        if (CredentialValidity.ExpiresOn(credential.Kind, credential.Title, credential.Date, details) is { } expires)
        {
            Add(parameters, "expirationYear", expires.Year.ToString(CultureInfo.InvariantCulture));
            Add(parameters, "expirationMonth", expires.Month.ToString(CultureInfo.InvariantCulture));
        }

        Add(parameters, "certUrl", details.VerificationUrl ?? pageUrl);
        Add(parameters, "certId", details.CredentialId);
        return AddToProfile + QueryString.Create(parameters).Value;
    }

    private static void Add(List<KeyValuePair<string, string?>> parameters, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parameters.Add(new(name, value));
        }
    }
}
