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

    /// <summary>The database file the options point at; null for a database that lives in memory.</summary>
    public static string? FileOf(DbContextOptions<PortfolioDbContext> options)
    {
        var connectionString = options.Extensions.OfType<Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension>().FirstOrDefault()?.ConnectionString;
        var dataSource = connectionString is null ? null : new SqliteConnectionStringBuilder(connectionString).DataSource;
        return string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" ? null : Path.GetFullPath(dataSource);
    }

    /// <summary>
    /// True for the errors of a database file that cannot be used as it is: damaged pages, something that is not a
    /// database, or a file deleted or moved while connections held it open.
    /// </summary>
    public static bool IsDamage(SqliteException exception) =>
        exception.SqliteErrorCode is SQLitePCL.raw.SQLITE_CORRUPT or SQLitePCL.raw.SQLITE_NOTADB
        || exception.SqliteExtendedErrorCode == SQLitePCL.raw.SQLITE_READONLY_DBMOVED;

    /// <summary>Why a database file that should be there cannot serve: deleted, unreadable, or not a SQLite database; null when it looks sound.</summary>
    public static string? ProblemWith(string path)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[16];
            var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            // An empty file is what SQLite itself leaves before the first write.
            return read == 0 || header[..read].SequenceEqual("SQLite format 3\0"u8) ? null : "it is not a SQLite database";
        }
        catch (FileNotFoundException)
        {
            return "it was deleted";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"it cannot be read ({ex.Message.TrimEnd('.')})";
        }
    }

    /// <summary>Deletes a database file with its write-ahead log and shared-memory files, after closing pooled connections to it.</summary>
    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
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
            // The script EnsureCreated would run, generated with the compiled model: EnsureCreated itself would build
            // the model from OnModelCreating, the work the compiled model saves.
            db.Database.ExecuteSqlRaw(Compiled.PortfolioDbContextSchema.CreateTables);
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

    private static long SqlQueryScalar(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, string sql) =>
        Convert.ToInt64(((SqliteConnection)database.GetDbConnection()).Scalar(null, sql), System.Globalization.CultureInfo.InvariantCulture);
}
