using Microsoft.AspNetCore.Mvc;
using Portfolio.Content.Data;
using Portfolio.Web.Services;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Controllers;

/// <summary>The entries as JSON for embedding elsewhere, filtered as the pages filter: every tag (or any), a kind, a search.</summary>
public sealed class ApiController(ContentIndexProvider indexes, Portfolio.Content.Data.PortfolioDbContext db, SiteAddress address, CredentialClock credentials) : ControllerBase
{
    [HttpGet("/api/entries")]
    public async Task<IActionResult> Entries(EntryFilter filter, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Problem(title: "Bad request", detail: EntryFilter.Rules, statusCode: StatusCodes.Status400BadRequest);
        }

        var text = filter.Text;
        var index = await indexes.GetAsync(cancellationToken);
        var tags = index.CanonicalTags(filter.Tags);
        IEnumerable<IndexedEntry> entries = index.Entries.Where(e => e.Kind != EntryKind.GuidePart);
        if (!string.IsNullOrWhiteSpace(text))
        {
            // Search results keep their rank order.
            entries = SearchIndex.Search(db, text).Select(h => index.ById.GetValueOrDefault(h.EntryId)).OfType<IndexedEntry>().Where(e => e.Kind != EntryKind.GuidePart);
        }
        else
        {
            entries = entries.OrderByDescending(e => e.Date).ThenBy(e => e.Kind).ThenBy(e => e.Order);
        }

        var today = credentials.Today();
        var results = entries
            .Where(e => (filter.Kind is null || e.Kind == filter.Kind) && e.HasTags(tags, filter.MatchAny))
            .Select(e => new
            {
                kind = e.Kind.Slug(),
                slug = e.Slug,
                title = e.Title,
                label = e.Label,
                url = address.Absolute(e.Url),
                description = e.Description,
                date = e.Date is { } date ? Format.Iso(date) : null,
                tags = e.Tags.Select(t => new { slug = t.Slug, name = t.Name }),
                credential = e.IsCredential ? Credential(e.ToCredentialCard(today)) : null,
                badge = e.Badge is { } badge ? Badge(e, badge) : null,
            })
            .ToList();
        return Ok(new { count = results.Count, tags, match = filter.MatchAny ? "any" : "all", kind = filter.Kind?.Slug(), q = text, entries = results });
    }

    /// <summary>A badge's format and the site's addresses of its picture and original file.</summary>
    private object Badge(IndexedEntry entry, BadgeDetails badge) => new
    {
        format = badge.Format,
        image = entry.FileUrl(badge.Image) is { } image ? address.Absolute(image) : null,
        download = address.Absolute(entry.FileUrl(badge.Download)!),
    };

    private static object Credential(CredentialCard card) => new
    {
        status = card.State.ToString(),
        grantedBy = card.GrantedBy,
        code = card.Code,
        expires = card.Expires is { } expires ? Format.Iso(expires) : null,
    };
}
