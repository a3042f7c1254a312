using Microsoft.AspNetCore.Mvc;
using Portfolio.Web.Services.Pages;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Controllers;

/// <summary>Every tag with its count, and everything that carries one tag.</summary>
public sealed class TagsController(TagPages pages) : Controller
{
    [HttpGet("/tags")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await pages.TagsAsync(cancellationToken));

    /// <summary>An alias or another spelling of a tag redirects (301) to the tag's own URL.</summary>
    [HttpGet("/tags/{tag}")]
    public Task<IActionResult> Tag(string tag, CancellationToken cancellationToken) => Page(tag, 1, cancellationToken);

    /// <summary>The further pages of a tag's entries; page 1 has no address of its own and redirects to the tag.</summary>
    [HttpGet("/tags/{tag}/page/{page:int}")]
    public async Task<IActionResult> TagPage(string tag, int page, CancellationToken cancellationToken) =>
        page == 1 ? RedirectPermanent(SiteUrls.Tag(tag)) : await Page(tag, page, cancellationToken);

    private async Task<IActionResult> Page(string tag, int page, CancellationToken cancellationToken)
    {
        var (model, redirectTo) = await pages.TagAsync(tag, page, cancellationToken);
        if (redirectTo is not null)
        {
            return RedirectPermanent(redirectTo);
        }

        return model is null ? NotFound() : View("Tag", model);
    }
}
