using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Portfolio.Content.Data;
using Portfolio.Content.Import;
using Portfolio.Web.Services;

namespace Portfolio.Web.Infrastructure;

/// <summary>
/// Imports the content folder when the site starts, then again whenever files in it change (debounced), without a
/// restart. The site answers from the database meanwhile: an import is one transaction, so no request sees half of it.
/// </summary>
public sealed partial class ContentImportService(
    ContentImporter importer,
    ContentLocations locations,
    ContentIndexProvider indexes,
    ContentState state,
    PageCache cache,
    TimeProvider clock,
    IOptions<PortfolioOptions> options,
    DatabaseFaults faults,
    ILogger<ContentImportService> logger) : BackgroundService
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Asks for a re-import, as a change in the folder does.</summary>
    public void RequestImport() => _changes.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();

        // Watch before the first import, so that no change made after it is missed.
        using var watcher = options.Value.WatchContent ? Watch() : null;
        Import();
        await WarmIndexAsync();
        using var poll = options.Value.PollSeconds > 0
            ? clock.CreateTimer(_ => RequestImport(), null, TimeSpan.FromSeconds(options.Value.PollSeconds), TimeSpan.FromSeconds(options.Value.PollSeconds))
            : null;
        // A database file deleted or overwritten while the site runs is found here, or by the first request that fails
        // on it; either way the next import builds it again, while pages come from the cache and the in-memory index.
        using var check = options.Value.DatabaseCheckSeconds > 0
            ? clock.CreateTimer(_ => CheckDatabase(), null, TimeSpan.FromSeconds(options.Value.DatabaseCheckSeconds), TimeSpan.FromSeconds(options.Value.DatabaseCheckSeconds))
            : null;
        state.DatabaseFaulted += RequestImport;

        var debounce = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.DebounceMilliseconds));
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stoppingToken))
            {
                // Wait until the folder has been quiet for the debounce time (an editor's save is several events),
                // but not forever: a folder that keeps changing is still imported every few debounce periods.
                var waitingSince = clock.GetTimestamp();
                do
                {
                    _changes.Reader.TryRead(out _);
                    await Task.Delay(debounce, clock, stoppingToken);
                }
                while (_changes.Reader.TryRead(out _) && clock.GetElapsedTime(waitingSince) < debounce * 5);

                Import();
                await WarmIndexAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            state.DatabaseFaulted -= RequestImport;
        }
    }

    private void CheckDatabase()
    {
        if (state.Imports > 0 && PortfolioDatabase.ProblemWith(locations.DatabasePath) is { } problem)
        {
            faults.Report(problem);
        }
    }

    private void Import()
    {
        try
        {
            // After a fault the file is built again from scratch: connections that hold its pages may not see the damage.
            var report = importer.Import(locations.ContentPath, PortfolioDatabase.Options(locations.DatabasePath), state.DatabaseProblem);
            // The index goes before the import count moves on: a page cached under the new count is built from the new index.
            indexes.Invalidate();
            if (report.ParsedFiles > 0 || state.Imports == 0)
            {
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

                Imported(logger, locations.ContentPath, locations.DatabasePath, report.Summary, report.ParsedFiles, report.Duration.TotalMilliseconds);
            }

            if (report.DatabaseRebuilt is { } rebuilt)
            {
                DatabaseRebuilt(logger, locations.DatabasePath, rebuilt);
            }

            state.Completed(report, clock.GetUtcNow());
            // Pages cached under older counts are never served again; this frees their memory.
            cache.Clear();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The site keeps serving what it has; the health endpoint reports the failure.
            ImportFailed(logger, ex);
            state.Failed($"the last import failed: {ex.Message}", clock.GetUtcNow());
        }
    }

    /// <summary>
    /// Builds the index of what was imported here rather than in the first request after the import, which would wait for
    /// it. Not part of the import: a failure to read it is not an import that failed, and the next request meets it again.
    /// </summary>
    private async Task WarmIndexAsync()
    {
        try
        {
            await indexes.GetAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            IndexNotBuilt(logger, ex);
        }
    }

    private FileSystemWatcher? Watch()
    {
        if (!Directory.Exists(locations.ContentPath))
        {
            WatchUnavailable(logger, locations.ContentPath);
            return null;
        }

        var watcher = new FileSystemWatcher(locations.ContentPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            InternalBufferSize = 64 * 1024,
        };
        watcher.Changed += (_, _) => RequestImport();
        watcher.Created += (_, _) => RequestImport();
        watcher.Deleted += (_, _) => RequestImport();
        watcher.Renamed += (_, _) => RequestImport();
        watcher.Error += (_, _) => RequestImport();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Diagnostic}")]
    private static partial void ContentError(ILogger logger, string diagnostic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Diagnostic}")]
    private static partial void ContentWarning(ILogger logger, string diagnostic);

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {Content} into {Database}: {Summary}; {Parsed} files parsed in {Milliseconds:F0} ms")]
    private static partial void Imported(ILogger logger, string content, string database, string summary, int parsed, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database rebuilt at {Database}: {Reason}")]
    private static partial void DatabaseRebuilt(ILogger logger, string database, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The content index could not be built after the import; the next request tries again")]
    private static partial void IndexNotBuilt(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The content import failed; the site keeps serving the last good content")]
    private static partial void ImportFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The content folder {Content} does not exist, so changes cannot be watched; set Portfolio:PollSeconds to look for it")]
    private static partial void WatchUnavailable(ILogger logger, string content);
}
