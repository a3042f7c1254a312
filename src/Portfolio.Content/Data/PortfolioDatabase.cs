using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portfolio.Content.Data;

/// <summary>Opens the SQLite database and keeps its schema in step with the model, rebuilding it when the model changes.</summary>
public static class PortfolioDatabase
{
    /// <summary>Raised whenever the model or the way content is read changes, so that old databases are rebuilt.</summary>
    public const int SchemaVersion = 6;

    /// <summary>Options for a database file; the folder is created if needed.</summary>
    public static DbContextOptions<PortfolioDbContext> Options(string databasePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnectionStringBuilder { DataSource = databasePath, Cache = SqliteCacheMode.Private, Pooling = true }.ToString();
        return new DbContextOptionsBuilder<PortfolioDbContext>().UseSqlite(connection).Options;
    }

    /// <summary>Options over an open connection (such as an in-memory database that lives as long as the connection).</summary>
    public static DbContextOptions<PortfolioDbContext> Options(SqliteConnection connection) =>
        new DbContextOptionsBuilder<PortfolioDbContext>().UseSqlite(connection).Options;

    /// <summary>Creates the schema, or deletes the database and recreates it when another version made it. Returns true when it was (re)created.</summary>
    public static bool EnsureSchema(PortfolioDbContext db)
    {
        long version;
        bool hasTables;
        db.Database.OpenConnection();
        try
        {
            version = db.Database.SqlQueryScalar("PRAGMA user_version");
            hasTables = db.Database.SqlQueryScalar("SELECT count(*) FROM sqlite_master WHERE type = 'table'") > 0;
        }
        finally
        {
            db.Database.CloseConnection();
        }

        if (version == SchemaVersion && hasTables)
        {
            return false;
        }

        if (hasTables)
        {
            // The database is a cache of the content folder: another version's file is deleted and rebuilt.
            db.Database.EnsureDeleted();
        }

        db.Database.OpenConnection();
        try
        {
            // Pages large enough to hold a typical entry or search text whole, rather than in chains of overflow pages.
            db.Database.ExecuteSqlRaw("PRAGMA page_size = 16384");
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode = WAL");
            db.Database.EnsureCreated();
            // The full-text index is not part of the EF model: FTS5 tables are virtual tables EF cannot describe.
            db.Database.ExecuteSqlRaw(SearchIndex.CreateTable);
            db.Database.ExecuteSqlRaw($"PRAGMA user_version = {SchemaVersion}");
            return true;
        }
        finally
        {
            db.Database.CloseConnection();
        }
    }

    private static long SqlQueryScalar(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, string sql)
    {
        var command = database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
