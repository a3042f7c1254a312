using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Portfolio.Content.Data;

/// <summary>Opens the SQLite database and keeps its schema in step with the model, rebuilding it when the model changes.</summary>
public static class PortfolioDatabase
{
    /// <summary>Raised whenever the model or the way content is read changes, so that old databases are rebuilt.</summary>
    public const int SchemaVersion = 13;

    /// <summary>The model's CREATE statements, as scripts/compile-model.sh wrote them from it (CompiledModelTests holds them to it).</summary>
    internal static readonly Lazy<string> CreateTablesScript = new(() =>
    {
        using var stream = typeof(PortfolioDatabase).Assembly.GetManifestResourceStream("Portfolio.Content.CreateTables.sql")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

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
        var connectionString = Relational(options).ConnectionString;
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

    private static RelationalOptionsExtension Relational(DbContextOptions<PortfolioDbContext> options) =>
        options.Extensions.OfType<RelationalOptionsExtension>().Single();

    /// <summary>
    /// Creates the schema on the context's open connection, or deletes the database file and recreates it when another
    /// version made it. Returns true when it was (re)created. With <paramref name="building"/> a new file is left without
    /// its version and out of WAL mode, for a first import to write without a journal and then <see cref="Finish"/>.
    /// </summary>
    public static bool EnsureSchema(PortfolioDbContext db, bool building = false)
    {
        var database = db.Database;
        var version = database.SqlQuery<long>($"SELECT user_version AS Value FROM pragma_user_version").Single();
        var hasTables = database.SqlQuery<long>($"SELECT count(*) AS Value FROM sqlite_master WHERE type = 'table'").Single() > 0;
        if (version == SchemaVersion && hasTables)
        {
            return false;
        }

        if (hasTables)
        {
            // The database is a cache of the content folder: another version's file is deleted and built again.
            var connection = database.GetDbConnection();
            var path = string.IsNullOrEmpty(connection.DataSource) || connection.DataSource == ":memory:"
                ? throw new InvalidOperationException($"an in-memory database of schema version {version} cannot be rebuilt as version {SchemaVersion}")
                : connection.DataSource;
            database.CloseConnection();
            Delete(path);
            database.OpenConnection();
        }

        // Pages large enough to hold a typical entry or search text whole, rather than in chains of overflow pages.
        database.ExecuteSql($"PRAGMA page_size = 16384");
        database.ExecuteSqlRaw(CreateTablesScript.Value);
        // The full-text index is a virtual table, which the EF model cannot describe.
        database.ExecuteSqlRaw(SearchIndex.CreateTable);
        if (!building)
        {
            Finish(db);
        }

        return true;
    }

    /// <summary>
    /// Puts a database in WAL mode (readers never wait for the importer) and then stamps it with the schema version: a
    /// file that a first import did not finish (the process stopped while it wrote without a journal) has no version,
    /// and is deleted and built again by the next <see cref="EnsureSchema"/>.
    /// </summary>
    public static void Finish(PortfolioDbContext db)
    {
        var database = db.Database;
        database.ExecuteSql($"PRAGMA journal_mode = WAL");
        // An in-memory database stays in "memory" mode.
        var mode = database.SqlQuery<string>($"SELECT journal_mode AS Value FROM pragma_journal_mode").Single();
        if (mode is not ("wal" or "memory"))
        {
            throw new InvalidOperationException($"the database could not be put in WAL mode (it is in {mode} mode)");
        }

        database.ExecuteSqlRaw($"PRAGMA user_version = {SchemaVersion}");
    }
}
