using Microsoft.Extensions.Options;
using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services;

/// <summary>The day credentials are shown for, by the site's clock, with the renewal window of the settings.</summary>
public sealed class CredentialClock(TimeProvider clock, IOptions<PortfolioOptions> options)
{
    public CredentialDay Today() => new(clock.GetUtcNow().UtcDateTime.Date, options.Value.RenewalWindowDays);
}

/// <summary>A day on which credentials are shown, and how many days before an expiry its renewal window opens.</summary>
public sealed record CredentialDay(DateTime Date, int RenewalWindowDays)
{
    public CredentialState StateOf(IndexedEntry entry) =>
        CredentialValidity.StateOn(Date, entry.Kind, entry.Title, entry.Date, entry.Credential ?? new CredentialDetails(), RenewalWindowDays);

    /// <summary>Credentials in their order, expired ones moved after the others.</summary>
    public IEnumerable<IndexedEntry> ExpiredLast(IEnumerable<IndexedEntry> credentials) =>
        credentials.OrderBy(e => StateOf(e) == CredentialState.Expired ? 1 : 0);

    /// <summary>The cards of credentials (of the first so many), expired ones after the others.</summary>
    public List<CredentialCard> Cards(IEnumerable<IndexedEntry> credentials, int take = int.MaxValue) =>
        ExpiredLast(credentials).Take(take).Select(e => e.ToCredentialCard(this)).ToList();
}
