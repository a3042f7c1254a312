using Microsoft.AspNetCore.Mvc;
using Portfolio.Web.Services.Pages;

namespace Portfolio.Web.Controllers;

/// <summary>The owner's story at a glance: the timeline and the printable CV.</summary>
public sealed class ProfileController(ProfilePages pages) : Controller
{
    [HttpGet("/timeline")]
    public async Task<IActionResult> Timeline(CancellationToken cancellationToken) =>
        View(await pages.TimelineAsync(cancellationToken));

    [HttpGet("/cv")]
    public async Task<IActionResult> Cv(CancellationToken cancellationToken) =>
        View(await pages.CvAsync(cancellationToken));
}
