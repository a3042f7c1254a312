using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Portfolio.Content.Data;

namespace Portfolio.Web.Infrastructure;

/// <summary>
/// A request that fails on the database gets the 503 page with Retry-After rather than a 500 (see UsePortfolio), and
/// when the file is gone or damaged, the database is built again from the content folder.
/// </summary>
internal sealed class DatabaseFaultHandler(ContentState state, ContentLocations locations, ILogger<DatabaseFaultHandler> logger) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Find(exception) is { } fault && NeedsRebuild(fault))
        {
            ContentImportService.ReportDatabaseProblem(logger, state, locations.DatabasePath, $"reading it failed ({fault.Message.TrimEnd('.')})");
        }

        // Not handled here: the exception handler renders /error with the status that StatusFor chose.
        return ValueTask.FromResult(false);
    }

    /// <summary>503 for a failure of the database, which passes; 500 for anything else.</summary>
    public static int StatusFor(Exception exception) =>
        Find(exception) is not null || exception is DatabaseRebuildingException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>The SQLite error behind an exception, however EF wrapped it.</summary>
    public static SqliteException? Find(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SqliteException sqlite)
            {
                return sqlite;
            }
        }

        return null;
    }

    /// <summary>
    /// A damaged file, or one deleted under the site (a new, empty file has no tables; a missing folder cannot be opened):
    /// worth building again. A busy or locked database is not: it passes by itself.
    /// </summary>
    public static bool NeedsRebuild(SqliteException fault) =>
        PortfolioDatabase.IsDamage(fault)
        || fault.SqliteErrorCode is SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_IOERR
        || (fault.SqliteErrorCode == SQLitePCL.raw.SQLITE_ERROR && fault.Message.Contains("no such table", StringComparison.Ordinal));
}

/// <summary>A page asked for while the database is built again after a fault, and not yet in it: answered 503, try again.</summary>
internal sealed class DatabaseRebuildingException() : Exception("the database is being built again");
