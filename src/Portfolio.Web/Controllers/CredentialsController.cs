using Microsoft.AspNetCore.Mvc;
using Portfolio.Content.Data;
using Portfolio.Web.Infrastructure;
using Portfolio.Web.Services.Pages;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Controllers;

/// <summary>The credentials, filtered by several tags (all or any of them) and by kind.</summary>
public sealed class CredentialsController(CredentialPages pages, RenderingMode rendering) : Controller
{
    [HttpGet("/credentials")]
    public async Task<IActionResult> Index(EntryFilter filter, CancellationToken cancellationToken)
    {
        // Credentials are programs, certifications and badges; words are searched on the search page.
        if (!ModelState.IsValid || filter.Kind is not (null or EntryKind.Program or EntryKind.Certification or EntryKind.Badge))
        {
            return this.BadRequestPage();
        }

        var query = new CredentialQuery(filter.Tags, filter.MatchAny, filter.Kind, rendering.IsStaticCopy);
        return View("Index", await pages.CredentialsAsync(query, cancellationToken));
    }

    /// <summary>The credentials with one tag, at a path: shareable, and what a static copy of the site serves.</summary>
    [HttpGet("/credentials/tags/{tag}")]
    public async Task<IActionResult> Tagged(string tag, CancellationToken cancellationToken)
    {
        if (tag.Length > EntryFilter.MaxTagLength)
        {
            return this.BadRequestPage();
        }

        var query = new CredentialQuery([tag], false, null, rendering.IsStaticCopy);
        return View("Index", await pages.CredentialsAsync(query, cancellationToken));
    }
}
