using Portfolio.Content.Data;
using Portfolio.Content.Import;
using Portfolio.Web.Services;

namespace Portfolio.Web.Infrastructure;

/// <summary>Imports the content folder when the site starts, before it answers requests, and keeps the last report.</summary>
public sealed partial class ContentImportService(
    ContentImporter importer, ContentLocations locations, ContentIndexProvider indexes, ILogger<ContentImportService> logger) : IHostedService
{
    /// <summary>The report of the last import; null until the first import has run.</summary>
    public ImportReport? LastReport { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var report = importer.Import(locations.ContentPath, PortfolioDatabase.Options(locations.DatabasePath));
        foreach (var diagnostic in report.Diagnostics)
        {
            if (diagnostic.IsError)
            {
                ContentError(logger, diagnostic.ToString());
            }
            else
            {
                ContentWarning(logger, diagnostic.ToString());
            }
        }

        Imported(logger, locations.ContentPath, locations.DatabasePath, report.Summary, report.Duration.TotalMilliseconds);
        LastReport = report;
        indexes.Invalidate();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "{Diagnostic}")]
    private static partial void ContentError(ILogger logger, string diagnostic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Diagnostic}")]
    private static partial void ContentWarning(ILogger logger, string diagnostic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Content} into {Database}: {Summary} in {Milliseconds:F0} ms")]
    private static partial void Imported(ILogger logger, string content, string database, string summary, double milliseconds);
}
