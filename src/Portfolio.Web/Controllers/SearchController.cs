using Microsoft.AspNetCore.Mvc;
using Portfolio.Web.Infrastructure;
using Portfolio.Web.Services.Pages;

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

        // A static copy of the site has no server to search with.
        return View(rendering.IsStaticCopy
            ? await pages.SearchAsync("", [], cancellationToken) with { NeedsLiveSite = true }
            : await pages.SearchAsync(filter.Text, filter.Tags, cancellationToken));
    }
}
