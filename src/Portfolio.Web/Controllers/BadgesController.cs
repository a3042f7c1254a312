using Microsoft.AspNetCore.Mvc;
using Portfolio.Content.Data;
using Portfolio.Web.Services;
using Portfolio.Web.Services.Pages;

namespace Portfolio.Web.Controllers;

/// <summary>Open Badges: the list, each badge's page, and the files it stores (its pictures and the original file, byte for byte).</summary>
public sealed class BadgesController(ListPages lists, BadgePages pages, ContentIndexProvider indexes, EntryBodies bodies) : Controller
{
    [HttpGet("/badges")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("List", await lists.ListAsync(EntryKind.Badge, cancellationToken));

    [HttpGet("/badges/{slug}")]
    public async Task<IActionResult> Badge(string slug, CancellationToken cancellationToken)
    {
        if (await pages.BadgeAsync(slug, cancellationToken) is { } model)
        {
            return View(model);
        }

        // A badge that a certification names is shown on the certification's page.
        var index = await indexes.GetAsync(cancellationToken);
        return index.AttachedBadges.TryGetValue(slug, out var attached) ? RedirectPermanent(attached.Owner.Url) : NotFound();
    }

    /// <summary>A badge's picture, shown from the site's own address, or its original file as a download.</summary>
    [HttpGet("/badges/{slug}/{**name}")]
    public async Task<IActionResult> File(string slug, string name, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var badge = index.Find(EntryKind.Badge, slug) ?? (index.AttachedBadges.TryGetValue(slug, out var attached) ? attached.Badge : null);
        if (badge?.Badge is not { } details || await bodies.FileAsync(badge, name, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        // A baked SVG opened on its own is a document of the site's origin: it runs nothing.
        Response.Headers.ContentSecurityPolicy = Infrastructure.SecurityExtensions.FileContentSecurityPolicy;
        return name == details.Download ? File(file.Bytes, file.ContentType, details.FileName) : File(file.Bytes, file.ContentType);
    }
}
