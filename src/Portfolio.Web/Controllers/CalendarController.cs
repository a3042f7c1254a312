using Microsoft.AspNetCore.Mvc;
using Portfolio.Content.Data;
using Portfolio.Web.Services;
using Portfolio.Web.Services.Outbound;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Controllers;

/// <summary>The credentials' dates as iCalendar: the whole site's to subscribe to, and each credential's to download.</summary>
public sealed class CalendarController(ContentIndexProvider indexes, CredentialClock credentials, SiteAddress address) : Controller
{
    /// <summary>The expiries, renewal windows and planned exams of every credential.</summary>
    [HttpGet(SiteUrls.Calendar)]
    public async Task<IActionResult> Feed(CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var window = credentials.Today().RenewalWindowDays;
        var events = index.Credentials.SelectMany(c => CredentialEvents.Of(c, window));
        return Content(CredentialCalendar.Write($"{index.Site.Name} · Credentials", events, index.LastModified, address), CredentialCalendar.MediaType);
    }

    /// <summary>One certification's events; none for one without any.</summary>
    [HttpGet("/certifications/{slug}/calendar.ics")]
    public Task<IActionResult> Certification(string slug, CancellationToken cancellationToken) =>
        CredentialAsync(EntryKind.Certification, slug, cancellationToken);

    /// <summary>One badge's events; none for one without any.</summary>
    [HttpGet("/badges/{slug}/calendar.ics")]
    public Task<IActionResult> Badge(string slug, CancellationToken cancellationToken) =>
        CredentialAsync(EntryKind.Badge, slug, cancellationToken);

    private async Task<IActionResult> CredentialAsync(EntryKind kind, string slug, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var credential = index.Find(kind, slug);
        var events = credential is null ? [] : CredentialEvents.Of(credential, credentials.Today().RenewalWindowDays).ToList();
        return events.Count == 0
            ? NotFound()
            : Content(CredentialCalendar.Write(credential!.Title, events, index.LastModified, address), CredentialCalendar.MediaType);
    }
}
