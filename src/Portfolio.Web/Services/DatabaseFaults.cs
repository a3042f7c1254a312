using Microsoft.Data.Sqlite;
using Portfolio.Content.Data;

namespace Portfolio.Web.Services;

/// <summary>
/// Where every finding that the database file cannot serve goes (the periodic check, a failed request, a failed index
/// or health read): logged once per problem, and the import service asked to build the file again from the content.
/// </summary>
public sealed partial class DatabaseFaults(ContentState state, ContentLocations locations, ILogger<DatabaseFaults> logger)
{
    /// <summary>A failure read from the database: reported when it means the file is gone or damaged; other failures (busy, locked) pass by themselves.</summary>
    public void Report(SqliteException failure)
    {
        if (NeedsRebuild(failure))
        {
            Report($"reading it failed ({failure.Message.TrimEnd('.')})");
        }
    }

    /// <summary>A problem with the file, in words that follow "the database file cannot serve:".</summary>
    public void Report(string problem)
    {
        if (state.ReportDatabaseProblem(problem))
        {
            DatabaseUnusable(logger, locations.DatabasePath, problem);
        }
    }

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
    private static bool NeedsRebuild(SqliteException fault) =>
        PortfolioDatabase.IsDamage(fault)
        || fault.SqliteErrorCode is SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_IOERR
        || (fault.SqliteErrorCode == SQLitePCL.raw.SQLITE_ERROR && fault.Message.Contains("no such table", StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database file {Database} cannot serve: {Problem}; it is being built again from the content folder, and pages come from the cache meanwhile")]
    private static partial void DatabaseUnusable(ILogger logger, string database, string problem);
}
