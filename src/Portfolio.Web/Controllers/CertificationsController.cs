using Microsoft.AspNetCore.Mvc;
using Portfolio.Content.Data;
using Portfolio.Web.Services.Pages;

namespace Portfolio.Web.Controllers;

/// <summary>Certifications, earned and in preparation.</summary>
public sealed class CertificationsController(ListPages lists, CertificationPages pages) : Controller
{
    [HttpGet("/certifications")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("List", await lists.ListAsync(EntryKind.Certification, cancellationToken));

    [HttpGet("/certifications/{slug}")]
    public async Task<IActionResult> Certification(string slug, CancellationToken cancellationToken) =>
        await pages.CertificationAsync(slug, cancellationToken) is { } model ? View(model) : NotFound();
}
