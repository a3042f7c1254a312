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
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var query = Request.Query;
        var match = query["match"].ToString().ToLowerInvariant();
        if (QueryLimits.Repeated(query, "kind", "match") || QueryLimits.Tags(query["tag"]) is not { } tags
            || !TryParseKind(query["kind"].ToString(), out var kind) || match is not ("" or "all" or "any"))
        {
            return this.BadRequestPage();
        }

        var filter = new CredentialQuery(await pages.CanonicalTagsAsync(tags, cancellationToken), match == "any", kind, rendering.IsStaticCopy);
        return View("Index", await pages.CredentialsAsync(filter, cancellationToken));
    }

    /// <summary>The credentials with one tag, at a path: shareable, and what a static copy of the site serves.</summary>
    [HttpGet("/credentials/tags/{tag}")]
    public async Task<IActionResult> Tagged(string tag, CancellationToken cancellationToken)
    {
        if (tag.Length > QueryLimits.MaxTagLength)
        {
            return this.BadRequestPage();
        }

        var filter = new CredentialQuery(await pages.CanonicalTagsAsync([tag], cancellationToken), false, null, rendering.IsStaticCopy);
        return View("Index", await pages.CredentialsAsync(filter, cancellationToken));
    }

    private static bool TryParseKind(string text, out EntryKind? kind)
    {
        kind = text.ToLowerInvariant() switch
        {
            "program" or "programs" => EntryKind.Program,
            "certification" or "certifications" => EntryKind.Certification,
            _ => null,
        };
        return kind is not null || text is "" or "all";
    }
}
