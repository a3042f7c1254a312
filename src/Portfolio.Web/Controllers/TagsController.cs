using Microsoft.AspNetCore.Mvc;
using Portfolio.Web.Services;

namespace Portfolio.Web.Controllers;

/// <summary>Every tag with its count, and everything that carries one tag.</summary>
public sealed class TagsController(PortfolioReader reader) : Controller
{
    [HttpGet("/tags")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await reader.TagsAsync(cancellationToken));

    /// <summary>An alias or another spelling of a tag redirects (301) to the tag's own URL.</summary>
    [HttpGet("/tags/{tag}")]
    public async Task<IActionResult> Tag(string tag, CancellationToken cancellationToken)
    {
        var (page, redirectTo) = await reader.TagAsync(tag, cancellationToken);
        if (redirectTo is not null)
        {
            return RedirectPermanent(SiteUrls.Tag(redirectTo));
        }

        return page is null ? NotFound() : View(page);
    }
}
