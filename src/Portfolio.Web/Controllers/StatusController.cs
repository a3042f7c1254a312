using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

using Portfolio.Web.Services;

namespace Portfolio.Web.Controllers;

/// <summary>The health endpoint for containers and monitors, and the content status page for the owner.</summary>
public sealed class StatusController(
    ContentState state,
    PortfolioDbContext db,
    IOptions<PortfolioOptions> options,
    IWebHostEnvironment environment,
    DatabaseFaults faults) : Controller
{
    /// <summary>200 with what is loaded; 503 while nothing is (no import yet, or an empty or missing content folder).</summary>
    [HttpGet("/healthz")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Health(CancellationToken cancellationToken)
    {
        var report = state.LastReport;
        var counts = report is null ? [] : await CountsAsync(cancellationToken);
        var total = counts?.Sum(c => c.Value) ?? report?.Entries ?? 0;
        var reason = report is null ? state.LastFailure ?? "the content has not been imported yet"
            : total == 0 ? FirstError(report) ?? "no content loaded: the content folder is empty"
            : state.DatabaseProblem is { } problem ? $"the database is being built again ({problem}); pages are served from the cache meanwhile"
            : counts is null ? "the database cannot be read at the moment; pages are served from the cache"
            : state.LastFailure;
        var healthy = report is not null && total > 0;
        var body = new
        {
            status = !healthy ? "unhealthy" : reason is null ? "healthy" : "degraded",
            reason,
            entries = counts ?? [],
            totalEntries = total,
            lastImport = state.LastImportAt,
            lastDatabaseRebuild = state.LastRebuild is { } rebuild ? new { at = rebuild.At, reason = rebuild.Reason } : null,
            files = report?.Files ?? 0,
            errors = report?.Errors ?? 0,
            warnings = report?.Warnings ?? 0,
        };
        return new JsonResult(body) { StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable };
    }

    /// <summary>Every content problem with its file, line and column; on in Development, or when switched on.</summary>
    [HttpGet("/status/content")]
    public IActionResult Content()
    {
        if (!(options.Value.ContentStatusPage ?? environment.IsDevelopment()))
        {
            return NotFound();
        }

        var report = state.LastReport;
        var files = (report?.Diagnostics ?? [])
            .GroupBy(d => d.Path)
            .OrderByDescending(g => g.Any(d => d.IsError)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<Content.Diagnostics.ContentDiagnostic>)g.ToList()))
            .ToList();
        return View(new ContentStatusViewModel(
            new PageInfo("Content status", "Problems found in the content folder at the last import.", Section.None),
            state.LastImportAt,
            report?.Summary,
            state.LastFailure,
            files));
    }

    /// <summary>Entries per kind, read from the database; null when it cannot be read (deleted or damaged under the site).</summary>
    private async Task<Dictionary<string, int>?> CountsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await db.Entries.GroupBy(e => e.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
                .ToDictionaryAsync(c => JsonName(c.Kind), c => c.Count, cancellationToken);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            faults.Report(ex);
            return null;
        }
    }

    private static string? FirstError(Content.Import.ImportReport report) =>
        report.Diagnostics.FirstOrDefault(d => d.IsError)?.Message is { } message ? $"no content loaded: {message}" : null;

    private static string JsonName(EntryKind kind) => char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..];
}
