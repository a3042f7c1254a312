using Microsoft.AspNetCore.Mvc;
using Portfolio.Web.Infrastructure;
using Portfolio.Web.Services;
using Portfolio.Web.Services.Pages;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Controllers;

/// <summary>Full-text search over every entry, combinable with tag filters.</summary>
public sealed class SearchController(SearchPages pages, RenderingMode rendering) : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index(EntryFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return this.BadRequestPage();
        }

        // A static copy of the site searches in the browser, from its index file.
        return View(rendering.IsStaticCopy
            ? await pages.SearchAsync("", [], cancellationToken) with { InBrowser = true }
            : await pages.SearchAsync(filter.Text, filter.Tags, cancellationToken));
    }

    /// <summary>The index a static copy searches and filters with (see <see cref="StaticSearchIndex"/>); the live site searches on the server.</summary>
    [HttpGet(SiteUrls.SearchIndex)]
    public async Task<IActionResult> StaticIndex([FromServices] StaticSearchIndex index, CancellationToken cancellationToken) =>
        rendering.IsStaticCopy
            ? Json(await index.BuildAsync(path => SitePaths.Under(Request.PathBase, path), cancellationToken))
            : NotFound();
}
