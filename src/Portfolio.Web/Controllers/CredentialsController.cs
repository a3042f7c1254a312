using Microsoft.AspNetCore.Mvc;
using Portfolio.Content.Data;
using Portfolio.Web.Services;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Controllers;

/// <summary>The credentials, filtered by several tags (all or any of them) and by kind.</summary>
public sealed class CredentialsController(PortfolioReader reader) : Controller
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 100;

    [HttpGet("/credentials")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var query = Request.Query;
        if (query["kind"].Count > 1 || query["match"].Count > 1)
        {
            return BadRequestPage();
        }

        var match = query["match"].ToString().ToLowerInvariant();
        var tags = query["tag"].Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToList();
        if (!TryParseKind(query["kind"].ToString(), out var kind) || match is not ("" or "all" or "any")
            || tags.Count > MaxTags || tags.Any(t => t.Length > MaxTagLength))
        {
            return BadRequestPage();
        }

        var filter = new CredentialQuery(await reader.CanonicalTagsAsync(tags, cancellationToken), match == "any", kind);
        return View(await reader.CredentialsAsync(filter, cancellationToken));
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

    private ViewResult BadRequestPage()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Error", PortfolioReader.Error(StatusCodes.Status400BadRequest));
    }
}
