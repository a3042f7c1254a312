using Microsoft.AspNetCore.Mvc;
using Portfolio.Content.Data;
using Portfolio.Web.Services;

namespace Portfolio.Web.Controllers;

/// <summary>Certifications, earned and in preparation.</summary>
public sealed class CertificationsController(PortfolioReader reader) : Controller
{
    [HttpGet("/certifications")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("List", await reader.ListAsync(EntryKind.Certification, cancellationToken));

    [HttpGet("/certifications/{slug}")]
    public async Task<IActionResult> Certification(string slug, CancellationToken cancellationToken) =>
        await reader.CertificationAsync(slug, cancellationToken) is { } model ? View(model) : NotFound();
}
