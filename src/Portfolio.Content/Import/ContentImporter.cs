using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Import;

/// <summary>
/// Imports a content folder into the database in one transaction, so readers never see half an import.
/// Files whose bytes have not changed are not parsed again; a file that fails keeps its last good entries.
/// </summary>
/// <param name="clock">The time imports are stamped with.</param>
/// <param name="maxFileMegabytes">How large one content file may be; a larger one is reported, not read.</param>
public sealed class ContentImporter(TimeProvider clock, int maxFileMegabytes = ContentImporter.DefaultMaxFileMegabytes)
{
    /// <summary>How large one content file may be, in megabytes, unless <see cref="MaxFileSetting"/> says otherwise.</summary>
    public const int DefaultMaxFileMegabytes = 16;

    /// <summary>The setting that limits the size of one content file, named in the error about a file over it.</summary>
    public const string MaxFileSetting = "Portfolio:MaxFileMegabytes";

    private readonly long _maxFileBytes = maxFileMegabytes * 1024L * 1024L;

    private const string ConfigHashKey = "config-hash";
    /// <summary>The meta key of the time of the last import that changed anything.</summary>
    public const string LastImportKey = "last-import";

    /// <summary>The meta key under which the site profile from site.yml is stored as JSON.</summary>
    public const string SiteKey = "site";

    /// <summary>The meta key of a fingerprint of the files and settings imported: the same content gives the same value in any database.</summary>
    public const string ContentVersionKey = "content-version";

    private readonly Lock _gate = new();

    /// <summary>How far ahead of the writer files may be parsed: memory stays flat however large the folder.</summary>
    private const int Window = 128;

    /// <summary>How many files' search text the full-text index takes in at a time.</summary>
    private const int IndexBatch = 256;

    /// <summary>
    /// Imports the folder into the database and reports every problem of every file, changed or not. The database is a
    /// cache of the folder: a database file that is damaged is deleted and built again from the folder, and the report
    /// says so; one that was deleted while the site ran is created again. With <paramref name="rebuildBecause"/> the file
    /// is deleted and built again whatever state it is in (the site found it damaged: connections that hold its pages in
    /// memory may not notice).
    /// </summary>
    public ImportReport Import(string contentRoot, DbContextOptions<PortfolioDbContext> options, string? rebuildBecause = null)
    {
        lock (_gate)
        {
            var path = PortfolioDatabase.FileOf(options);
            if (path is not null && rebuildBecause is not null)
            {
                PortfolioDatabase.Delete(path);
                return ImportOnce(contentRoot, options) with
                {
                    DatabaseRebuilt = $"the database file {Path.GetFileName(path)} was deleted and built again from the content folder because {rebuildBecause}",
                };
            }

            if (path is not null && !File.Exists(path))
            {
                // Pooled connections may still hold a deleted file open, and would import into it; a write-ahead log
                // left beside a deleted file would be replayed into the new one.
                PortfolioDatabase.Delete(path);
            }

            try
            {
                return ImportOnce(contentRoot, options);
            }
            catch (SqliteException ex) when (path is not null && PortfolioDatabase.IsDamage(ex))
            {
                PortfolioDatabase.Delete(path);
                return ImportOnce(contentRoot, options) with
                {
                    DatabaseRebuilt = $"the database file {Path.GetFileName(path)} was deleted and built again from the content folder because reading it failed ({ex.Message.TrimEnd('.')})",
                };
            }
        }
    }

    private ImportReport ImportOnce(string contentRoot, DbContextOptions<PortfolioDbContext> options)
    {
        var watch = Stopwatch.StartNew();
        // A database file that is not there yet will take every file of the folder.
        var path = PortfolioDatabase.FileOf(options);
        var fresh = path is not null && !File.Exists(path);
        // The database is opened (EF's and SQLite's first use) while the folder is scanned and its files' stamps read.
        var opening = Task.Run(() =>
        {
            var db = new PortfolioDbContext(options);
            try
            {
                db.Database.OpenConnection();
                PortfolioDatabase.EnsureSchema(db, building: fresh);
                return db;
            }
            catch
            {
                db.Dispose();
                throw;
            }
        });
        ContentFolder folder;
        List<(string Path, string Stamp)> stamps;
        try
        {
            folder = ContentFolder.Scan(contentRoot);
            stamps = folder.Documents.AsParallel().AsOrdered().Select(path => (path, ContentFileReader.Stamp(folder, path))).ToList();
        }
        catch
        {
            // The connection is not left open behind a scan that failed.
            opening.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }

        // For a new database, parsing starts now rather than once the database is open.
        using var headStart = fresh ? Load(folder, stamps.ConvertAll(s => s.Path), full: true, existing: [], _maxFileBytes) : null;
        using var database = opening.GetAwaiter().GetResult();
        var parsed = Update(database, folder, stamps, headStart, fresh);
        return Report(database, folder, parsed, watch.Elapsed);
    }

    /// <summary>Brings the database in step with the folder; returns how many files were parsed.</summary>
    private int Update(PortfolioDbContext db, ContentFolder folder, List<(string Path, string Stamp)> stamps,
        OrderedWork<string, (FileRead Read, LoadedDocument? Document)>? headStart, bool fresh)
    {
        var folderDiagnostics = new List<ContentDiagnostic>(folder.Diagnostics);
        var settings = FolderSettings.Read(folder, _maxFileBytes, folderDiagnostics);
        var full = db.Meta.Where(m => m.Key == ConfigHashKey).Select(m => m.Value).FirstOrDefault() != settings.Hash;

        var existing = db.SourceFiles.Where(f => f.Path != ImportWriter.FolderRowPath)
            .Select(f => new StoredFile(f.Path, f.Hash, f.Stamp, f.Loaded))
            .ToDictionary(f => f.Path, StringComparer.Ordinal);

        // A file whose size and time are as last seen is not even read; one that changed is read and hashed.
        var changed = stamps
            .Where(f => full || !existing.TryGetValue(f.Path, out var before) || !before.Loaded || before.Stamp != f.Stamp)
            .Select(f => f.Path)
            .ToList();
        var documents = folder.Documents.ToHashSet(StringComparer.Ordinal);
        var deleted = existing.Keys.Where(p => !documents.Contains(p)).ToList();
        if (!full && changed.Count == 0 && deleted.Count == 0)
        {
            return 0;
        }

        // The database is a cache of the folder: losing the last transaction to a power cut costs a re-import, so
        // commits need not wait for the disk (WAL keeps the file consistent either way).
        db.Database.ExecuteSql($"PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
        // A new file is written with its rollback journal in memory, not through the write-ahead log, so no page is
        // written twice; readers wait for the commit, and the file gets its version, in WAL mode, only after it.
        if (fresh)
        {
            db.Database.ExecuteSql($"PRAGMA journal_mode = MEMORY");
        }

        using var transaction = db.Database.BeginTransaction();
        using var writer = new ImportWriter(db, (SqliteTransaction)transaction.GetDbTransaction(), clock.GetUtcNow().UtcDateTime, settings.Aliases);
        if (full)
        {
            writer.Clear();
        }

        writer.Delete(deleted);
        var owners = writer.EntryOwners(changed.ToHashSet(StringComparer.Ordinal));
        // Files are read and parsed on the other cores, a window ahead, while this thread writes them in path order. The
        // head start parsed every file as a full import does: it is used when the import is a full one, else stopped.
        var useHeadStart = headStart is not null && full;
        if (!useHeadStart)
        {
            headStart?.Dispose();
        }

        using var loading = useHeadStart ? null : Load(folder, changed, full, existing, _maxFileBytes);
        var parsed = 0;
        var written = 0;
        foreach (var (read, document) in (loading ?? headStart)!.Results())
        {
            if (document is null)
            {
                writer.Touch(read.Path, read.Stamp);
            }
            else
            {
                if (!document.Failed)
                {
                    SlugClaims.Claim(document, owners, writer.Evict);
                }

                writer.Store(document, read.Hash, read.Stamp);
                parsed++;
            }

            if (++written % IndexBatch == 0)
            {
                writer.IndexSearchText();
            }
        }

        // A file not parsed in this import whose links now lead elsewhere is parsed again, if its bytes are still those stored.
        LoadedDocument? Reload(string path)
        {
            var read = ContentFileReader.Read(folder, path, _maxFileBytes);
            return read.File is not null && existing.TryGetValue(path, out var before) && before.Hash == read.Hash
                ? ContentLoader.Load(read.File, folder.Contains)
                : null;
        }

        writer.LinkAcrossFiles(folderDiagnostics, documents, Reload);
        ImportMeta.Set(db, ConfigHashKey, settings.Hash);
        ImportMeta.Set(db, SiteKey, settings.Site.ToJson());
        ImportMeta.Set(db, LastImportKey, clock.GetUtcNow().ToString("O"));
        ImportMeta.Set(db, ContentVersionKey, ImportMeta.ContentVersion(db, settings.Hash));
        transaction.Commit();
        if (fresh)
        {
            PortfolioDatabase.Finish(db);
        }

        return parsed;
    }

    /// <summary>A file as the last import left it.</summary>
    private sealed record StoredFile(string Path, string Hash, string Stamp, bool Loaded);

    /// <summary>Starts reading and parsing files on every core, a window ahead of the writer; results come in the list's order.</summary>
    private static OrderedWork<string, (FileRead Read, LoadedDocument? Document)> Load(
        ContentFolder folder, List<string> paths, bool full, Dictionary<string, StoredFile> existing, long maxFileBytes) =>
        new(paths, path =>
        {
            var read = ContentFileReader.Read(folder, path, maxFileBytes);
            var unchanged = !full && read.Failure is null && existing.TryGetValue(path, out var before) && before.Loaded && before.Hash == read.Hash;
            var document = unchanged ? null : read.Failure ?? ContentLoader.Load(read.File!, folder.Contains);
            document?.DetachBodies();
            // The file's bytes are not needed to write it: they are let go before it waits for its turn.
            return (Read: read with { File = null }, Document: document);
        }, workers: Environment.ProcessorCount, window: Window);

    private static ImportReport Report(PortfolioDbContext db, ContentFolder folder, int parsed, TimeSpan duration)
    {
        var entries = db.Entries.Count();
        var diagnostics = db.Diagnostics
            .Select(d => new { d.Path, d.Line, d.Column, d.Severity, d.Message })
            .AsEnumerable()
            .Select(d => new ContentDiagnostic(d.Path, d.Line, d.Column, d.Severity, d.Message))
            .OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ToList();
        var files = folder.Documents.Count + folder.Sidecars.Count + (folder.HasTagAliases ? 1 : 0) + (folder.Contains(SiteProfile.FileName) ? 1 : 0);
        return new ImportReport(files, entries, parsed, diagnostics, duration);
    }

    /// <summary>Checks a content folder without touching any database file: imports it into a private in-memory database.</summary>
    public ImportReport Validate(string contentRoot)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return Import(contentRoot, PortfolioDatabase.Options(connection));
    }
}
