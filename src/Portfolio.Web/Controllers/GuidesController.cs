using Microsoft.AspNetCore.Mvc;
using Portfolio.Content.Data;
using Portfolio.Web.Services.Pages;

namespace Portfolio.Web.Controllers;

/// <summary>Study guides and their modules, in book order.</summary>
public sealed class GuidesController(ListPages lists, GuidePages pages) : Controller
{
    [HttpGet("/guides")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("List", await lists.ListAsync(EntryKind.Guide, cancellationToken));

    [HttpGet("/guides/{slug}")]
    public async Task<IActionResult> Guide(string slug, CancellationToken cancellationToken) =>
        await pages.GuideAsync(slug, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpGet("/guides/{guide}/{module}")]
    public async Task<IActionResult> Module(string guide, string module, CancellationToken cancellationToken) =>
        await pages.ModuleAsync(guide, module, cancellationToken) is { } model ? View(model) : NotFound();
}
