using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;
using Portfolio.Content.Text;

namespace Portfolio.Content.Import;

/// <summary>
/// Imports a content folder into the database in one transaction, so readers never see half an import.
/// Files whose bytes have not changed are not parsed again; a file that fails keeps its last good entries.
/// </summary>
public sealed class ContentImporter(TimeProvider clock)
{
    /// <summary>Raised when the way files are read changes, so every file is parsed again.</summary>
    private const string LoaderVersion = "5";

    /// <summary>Files larger than this are reported, not read: a portfolio page is never this long.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    private const string ConfigHashKey = "config-hash";
    /// <summary>The meta key of the time of the last import that changed anything.</summary>
    public const string LastImportKey = "last-import";

    /// <summary>The meta key under which the site profile from site.yml is stored as JSON.</summary>
    public const string SiteKey = "site";

    private readonly Lock _gate = new();

    /// <summary>How far ahead of the writer files may be parsed: memory stays flat however large the folder.</summary>
    private const int Window = 512;

    /// <summary>How many files' search text the full-text index takes in at a time (see ImportWriter.IndexSearchText).</summary>
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
        // Opening the database (and SQLite's first use) happens while the folder is scanned and its files' sizes and
        // times are read. The importer writes with SQLite's own API: EF's first use would cost a quarter of a second.
        var opening = Task.Run(() =>
        {
            var open = PortfolioDatabase.Open(options);
            try
            {
                PortfolioDatabase.EnsureSchema(open.Connection, building: fresh);
                return open;
            }
            catch
            {
                open.Dispose();
                throw;
            }
        });
        ContentFolder folder;
        List<(string Path, string Stamp)> stamps;
        try
        {
            folder = ContentFolder.Scan(contentRoot);
            stamps = folder.Documents.AsParallel().AsOrdered().Select(path => (path, Stamp(folder, path))).ToList();
        }
        catch
        {
            // The connection is not left open behind a scan that failed.
            opening.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }

        // For a new database, parsing starts now rather than once the database is open.
        using var headStart = fresh ? Load(folder, stamps.ConvertAll(s => s.Path), full: true, existing: []) : null;
        using var database = opening.GetAwaiter().GetResult();
        var parsed = Update(database.Connection, folder, stamps, headStart, fresh);
        return Report(database.Connection, folder, parsed, watch.Elapsed);
    }

    /// <summary>Brings the database in step with the folder; returns how many files were parsed.</summary>
    private int Update(SqliteConnection connection, ContentFolder folder, List<(string Path, string Stamp)> stamps,
        OrderedWork<string, (FileRead Read, LoadedDocument? Document)>? headStart, bool fresh)
    {
        var folderDiagnostics = new List<ContentDiagnostic>(folder.Diagnostics);
        var aliases = ReadTagAliases(folder, folderDiagnostics, out var aliasBytes);
        var site = ReadSiteProfile(folder, folderDiagnostics, out var siteBytes);
        var configHash = ConfigHash(folder, aliasBytes, siteBytes);
        var full = connection.Scalar(null, "SELECT Value FROM Meta WHERE Key = $key", ("$key", ConfigHashKey)) as string != configHash;

        var existing = connection.Rows(null, "SELECT Path, Hash, Stamp, Loaded FROM SourceFiles WHERE Path <> '.'",
                r => (Path: r.GetString(0), Hash: r.GetString(1), Stamp: r.GetString(2), Loaded: r.GetBoolean(3)))
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
        connection.Execute(null, "PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536;");
        // A new file is written with its rollback journal in memory, not in the write-ahead log: no page is written twice
        // (to the log, then into the file), which took a quarter of a second of a 10,000-file import. No reader can be
        // harmed: readers wait for the commit, and the file gets its schema version, in WAL mode, only after it.
        if (fresh)
        {
            connection.Execute(null, "PRAGMA journal_mode = MEMORY");
        }

        using var transaction = connection.BeginTransaction();
        using var writer = new ImportWriter(connection, transaction, clock.GetUtcNow().UtcDateTime, aliases);
        if (full)
        {
            writer.Clear();
        }

        writer.Delete(deleted);
        var owners = writer.EntryOwners(changed.ToHashSet(StringComparer.Ordinal));
        // Files are read and parsed on the other cores, a window ahead, while this thread writes them in path order. The
        // head start parsed every file as a full import does: it is used when the import is a full one (a full import
        // parses every file whatever the database held), and stopped otherwise.
        var useHeadStart = headStart is not null && full;
        if (!useHeadStart)
        {
            headStart?.Dispose();
        }

        using var loading = useHeadStart ? null : Load(folder, changed, full, existing);
        var loaded = (loading ?? headStart)!.Results();

        var parsed = 0;
        var written = 0;
        foreach (var (read, document) in loaded)
        {
            if (document is null)
            {
                writer.Touch(read.Path, read.Stamp);
            }
            else
            {
                if (!document.Failed)
                {
                    ClaimKeys(document, owners, writer.Evict);
                }

                writer.Store(document, read.Hash, read.Stamp);
                parsed++;
            }

            if (++written % IndexBatch == 0)
            {
                writer.IndexSearchText();
            }
        }

        writer.LinkAcrossFiles(folderDiagnostics);
        writer.SetMeta(ConfigHashKey, configHash);
        writer.SetMeta(SiteKey, site.ToJson());
        writer.SetMeta(LastImportKey, clock.GetUtcNow().ToString("O"));
        transaction.Commit();
        if (fresh)
        {
            PortfolioDatabase.Finish(connection);
        }
        return parsed;
    }

    /// <summary>Starts reading and parsing files on every core, a window ahead of the writer; results come in the list's order.</summary>
    private static OrderedWork<string, (FileRead Read, LoadedDocument? Document)> Load(
        ContentFolder folder, List<string> paths, bool full, Dictionary<string, (string Path, string Hash, string Stamp, bool Loaded)> existing) =>
        new(paths, path =>
        {
            var read = Read(folder, path);
            var unchanged = !full && read.Failure is null && existing.TryGetValue(path, out var before) && before.Loaded && before.Hash == read.Hash;
            var document = unchanged ? null : read.Failure ?? ContentLoader.Load(read.File!, folder.Contains);
            document?.EncodeBodies();
            // The file's bytes are not needed to write it: they are let go before it waits for its turn.
            return (Read: read with { File = null }, Document: document);
        }, workers: Environment.ProcessorCount, window: Window);

    private static ImportReport Report(SqliteConnection connection, ContentFolder folder, int parsed, TimeSpan duration)
    {
        var entries = Convert.ToInt32(connection.Scalar(null, "SELECT count(*) FROM Entries"), System.Globalization.CultureInfo.InvariantCulture);
        var diagnostics = connection.Rows(null, "SELECT Path, Line, Column, Severity, Message FROM Diagnostics",
                r => new ContentDiagnostic(r.GetString(0), r.GetInt32(1), r.GetInt32(2), Enum.Parse<DiagnosticSeverity>(r.GetString(3)), r.GetString(4)))
            .OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
            .ToList();
        var files = folder.Documents.Count + folder.Sidecars.Count + (folder.HasTagAliases ? 1 : 0) + (folder.Contains(SiteProfile.FileName) ? 1 : 0);
        return new ImportReport(files, entries, parsed, diagnostics, duration);
    }

    /// <summary>Checks a content folder without touching any database file: imports it into a private in-memory database.</summary>
    public ImportReport Validate(string contentRoot)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        return Import(contentRoot, PortfolioDatabase.Options(connection));
    }

    private sealed record FileRead(string Path, string Hash, string Stamp, ContentFile? File, LoadedDocument? Failure);

    /// <summary>The size and time of a file and its sidecar: when they are as last seen, the file is taken as unchanged.</summary>
    private static string Stamp(ContentFolder folder, string path)
    {
        static string Of(string fullPath)
        {
            var info = new FileInfo(fullPath);
            return info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : "-";
        }

        return folder.Sidecars.TryGetValue(path, out var sidecar)
            ? Of(folder.FullPath(path)) + "|" + Of(folder.FullPath(sidecar))
            : Of(folder.FullPath(path));
    }

    private static FileRead Read(ContentFolder folder, string path)
    {
        try
        {
            var bytes = ReadLimited(folder.FullPath(path));
            folder.Sidecars.TryGetValue(path, out var sidecarPath);
            var sidecar = sidecarPath is null ? null : ReadLimited(folder.FullPath(sidecarPath));
            var hash = Convert.ToHexString(SHA256.HashData(sidecar is null ? bytes : [.. bytes, 0, .. Encoding.UTF8.GetBytes(sidecarPath!), 0, .. sidecar]));
            return new FileRead(path, hash, Stamp(folder, path), new ContentFile(path, bytes, sidecarPath, sidecar), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FileTooLargeException)
        {
            var failure = new LoadedDocument(path);
            var message = ex is FileTooLargeException
                ? $"the file is larger than {MaxFileBytes / (1024 * 1024)} MB; split it into smaller documents"
                : $"the file could not be read: {ex.Message}";
            failure.Diagnostics.Add(new ContentDiagnostic(path, 1, 1, DiagnosticSeverity.Error, message));
            return new FileRead(path, "unreadable:" + Guid.NewGuid(), "", null, failure);
        }
    }

    private static byte[] ReadLimited(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (info.Length > MaxFileBytes)
        {
            throw new FileTooLargeException();
        }

        return File.ReadAllBytes(fullPath);
    }

    private sealed class FileTooLargeException : Exception;

    private static TagAliases ReadTagAliases(ContentFolder folder, List<ContentDiagnostic> diagnostics, out byte[] bytes) =>
        ReadConfigFile(folder, TagAliases.FileName, diagnostics, out bytes, TagAliases.Parse) ?? TagAliases.None;

    private static SiteProfile ReadSiteProfile(ContentFolder folder, List<ContentDiagnostic> diagnostics, out byte[] bytes)
    {
        if (!folder.Contains(SiteProfile.FileName))
        {
            diagnostics.Add(new ContentDiagnostic(SiteProfile.FileName, 1, 1, DiagnosticSeverity.Warning,
                "there is no site.yml: the site shows a placeholder name; add one with your name, headline and links"));
        }

        return ReadConfigFile(folder, SiteProfile.FileName, diagnostics, out bytes, SiteProfile.Parse) ?? new SiteProfile();
    }

    /// <summary>Reads a YAML file at the top of the content folder, if it is there; its problems go with the folder's.</summary>
    private static T? ReadConfigFile<T>(ContentFolder folder, string name, List<ContentDiagnostic> diagnostics, out byte[] bytes, Func<string, DiagnosticBag, T> parse)
        where T : class
    {
        bytes = [];
        if (!folder.Contains(name))
        {
            return null;
        }

        var bag = new DiagnosticBag(name);
        try
        {
            bytes = ReadLimited(folder.FullPath(name));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FileTooLargeException)
        {
            bag.Error(1, 1, $"{name} could not be read: {ex.Message}");
        }

        var text = bytes.Length == 0 ? null : SourceText.Decode(bytes, bag);
        var result = text is null ? null : parse(text, bag);
        diagnostics.AddRange(bag.Items);
        return result;
    }

    /// <summary>What every file's result depends on besides its own bytes: the loader, the tag aliases, and which other files exist.</summary>
    private static string ConfigHash(ContentFolder folder, byte[] aliasBytes, byte[] siteBytes)
    {
        var builder = new StringBuilder(LoaderVersion).Append('\n');
        builder.Append(Convert.ToHexString(SHA256.HashData(aliasBytes))).Append('\n');
        builder.Append(Convert.ToHexString(SHA256.HashData(siteBytes))).Append('\n');
        foreach (var asset in folder.Assets)
        {
            builder.Append(asset).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>
    /// Keys are unique across the site. Of two files that claim one, the first in path order wins, so a cold import and
    /// any sequence of incremental imports agree; the other file is skipped with an error that names both.
    /// </summary>
    private static void ClaimKeys(LoadedDocument document, Dictionary<string, (string Path, int Line)> owners, Action<ContentDiagnostic> evict)
    {
        foreach (var entry in document.Entries)
        {
            if (owners.TryGetValue(entry.Key, out var owner) && owner.Path == document.Path)
            {
                // Two capstones of one program with one title: keep both, the second under a numbered slug.
                var n = 2;
                var original = entry.Slug;
                while (owners.ContainsKey(Entry.KeyOf(entry.Kind, $"{original}-{n}", entry.ParentKey)))
                {
                    n++;
                }

                entry.Slug = $"{original}-{n}";
                entry.UpdateKey();
                document.Diagnostics.Add(new ContentDiagnostic(document.Path, entry.SourceLine, 1, DiagnosticSeverity.Warning,
                    $"the slug '{original}' is already used in this file (line {owner.Line}); this one is served as '{entry.Slug}'"));
            }
            else if (owners.TryGetValue(entry.Key, out owner))
            {
                var kind = entry.Kind.ToString().ToLowerInvariant();
                if (string.CompareOrdinal(owner.Path, document.Path) < 0)
                {
                    document.Diagnostics.Add(new ContentDiagnostic(document.Path, entry.SourceLine, 1, DiagnosticSeverity.Error,
                        $"duplicate slug '{entry.Slug}': the {kind} at {owner.Path}:{owner.Line} has it too; this file is skipped (set a different 'slug')"));
                    foreach (var key in owners.Where(o => o.Value.Path == document.Path).Select(o => o.Key).ToList())
                    {
                        owners.Remove(key);
                    }

                    return;
                }

                evict(new ContentDiagnostic(owner.Path, owner.Line, 1, DiagnosticSeverity.Error,
                    $"duplicate slug '{entry.Slug}': the {kind} at {document.Path}:{entry.SourceLine} has it too; this file is skipped (set a different 'slug')"));
                foreach (var key in owners.Where(o => o.Value.Path == owner.Path).Select(o => o.Key).ToList())
                {
                    owners.Remove(key);
                }
            }

            owners[entry.Key] = (document.Path, entry.SourceLine);
        }
    }
}
