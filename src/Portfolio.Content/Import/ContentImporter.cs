using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
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
    private const string LoaderVersion = "4";

    /// <summary>Files larger than this are reported, not read: a portfolio page is never this long.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    private const string FolderRowPath = ".";
    private const string ConfigHashKey = "config-hash";
    private const string LastImportKey = "last-import";

    /// <summary>The meta key under which the site profile from site.yml is stored as JSON.</summary>
    public const string SiteKey = "site";

    private readonly Lock _gate = new();

    /// <summary>Imports the folder into the database and reports every problem of every file, changed or not.</summary>
    public ImportReport Import(string contentRoot, DbContextOptions<PortfolioDbContext> options)
    {
        lock (_gate)
        {
            var watch = Stopwatch.StartNew();
            var folder = ContentFolder.Scan(contentRoot);
            using var db = new PortfolioDbContext(options);
            PortfolioDatabase.EnsureSchema(db);
            db.ChangeTracker.AutoDetectChangesEnabled = false;

            var folderDiagnostics = new List<ContentDiagnostic>(folder.Diagnostics);
            var aliases = ReadTagAliases(folder, folderDiagnostics, out var aliasBytes);
            var site = ReadSiteProfile(folder, folderDiagnostics, out var siteBytes);
            var configHash = ConfigHash(folder, aliasBytes, siteBytes);
            var full = db.Meta.AsNoTracking().FirstOrDefault(m => m.Key == ConfigHashKey)?.Value != configHash;

            var existing = db.SourceFiles.AsNoTracking()
                .Where(f => f.Path != FolderRowPath)
                .Select(f => new { f.Path, f.Hash, f.Loaded })
                .ToDictionary(f => f.Path, StringComparer.Ordinal);
            var reads = folder.Documents.AsParallel().AsOrdered().Select(path => Read(folder, path)).ToList();
            var changed = reads
                .Where(r => full || !existing.TryGetValue(r.Path, out var before) || before.Hash != r.Hash || !before.Loaded)
                .ToList();
            var documents = folder.Documents.ToHashSet(StringComparer.Ordinal);
            var deleted = existing.Keys.Where(p => !documents.Contains(p)).ToList();

            var parsed = 0;
            if (full || changed.Count > 0 || deleted.Count > 0)
            {
                var loaded = changed.AsParallel().AsOrdered()
                    .Select(r => r.Failure ?? ContentLoader.Load(r.File!, folder.Contains))
                    .ToList();
                parsed = loaded.Count;
                using var transaction = db.Database.BeginTransaction();
                if (full)
                {
                    db.Database.ExecuteSqlRaw("DELETE FROM SourceFiles; DELETE FROM Tags; DELETE FROM TagAliases; DELETE FROM SearchIndex;");
                }

                foreach (var path in deleted)
                {
                    db.Database.ExecuteSqlInterpolated($"DELETE FROM SourceFiles WHERE Path = {path}");
                }

                Store(db, loaded, changed.ToDictionary(r => r.Path, r => r.Hash, StringComparer.Ordinal), aliases);
                LinkAcrossFiles(db, aliases, folderDiagnostics);
                SearchIndex.Update(db, loaded, aliases);
                SetMeta(db, ConfigHashKey, configHash);
                SetMeta(db, SiteKey, site.ToJson());
                SetMeta(db, LastImportKey, clock.GetUtcNow().ToString("O"));
                db.ChangeTracker.DetectChanges();
                db.SaveChanges();
                transaction.Commit();
            }

            var entries = db.Entries.Count();
            var diagnostics = db.Diagnostics.AsNoTracking().ToList()
                .Select(d => d.ToDiagnostic())
                .OrderBy(d => d.Path, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Column)
                .ToList();
            var files = folder.Documents.Count + folder.Sidecars.Count + (folder.HasTagAliases ? 1 : 0) + (folder.Contains(SiteProfile.FileName) ? 1 : 0);
            return new ImportReport(files, entries, parsed, diagnostics, watch.Elapsed);
        }
    }

    /// <summary>Checks a content folder without touching any database file: imports it into a private in-memory database.</summary>
    public ImportReport Validate(string contentRoot)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        connection.Open();
        return Import(contentRoot, PortfolioDatabase.Options(connection));
    }

    private sealed record FileRead(string Path, string Hash, ContentFile? File, LoadedDocument? Failure);

    private static FileRead Read(ContentFolder folder, string path)
    {
        try
        {
            var bytes = ReadLimited(folder.FullPath(path));
            folder.Sidecars.TryGetValue(path, out var sidecarPath);
            var sidecar = sidecarPath is null ? null : ReadLimited(folder.FullPath(sidecarPath));
            var hash = Convert.ToHexString(SHA256.HashData(sidecar is null ? bytes : [.. bytes, 0, .. Encoding.UTF8.GetBytes(sidecarPath!), 0, .. sidecar]));
            return new FileRead(path, hash, new ContentFile(path, bytes, sidecarPath, sidecar), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FileTooLargeException)
        {
            var failure = new LoadedDocument(path);
            var message = ex is FileTooLargeException
                ? $"the file is larger than {MaxFileBytes / (1024 * 1024)} MB; split it into smaller documents"
                : $"the file could not be read: {ex.Message}";
            failure.Diagnostics.Add(new ContentDiagnostic(path, 1, 1, DiagnosticSeverity.Error, message));
            return new FileRead(path, "unreadable:" + Guid.NewGuid(), null, failure);
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

    private void Store(PortfolioDbContext db, List<LoadedDocument> loaded, Dictionary<string, string> hashes, TagAliases aliases)
    {
        var changedPaths = loaded.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        var rows = db.SourceFiles.Include(f => f.Diagnostics).ToList()
            .Where(f => changedPaths.Contains(f.Path) || f.Path == FolderRowPath)
            .ToDictionary(f => f.Path, StringComparer.Ordinal);
        var owners = db.Entries.AsNoTracking().Select(e => new { e.Key, e.SourcePath, e.SourceLine }).ToList()
            .Where(e => !changedPaths.Contains(e.SourcePath))
            .ToDictionary(e => e.Key, e => (e.SourcePath, e.SourceLine), StringComparer.Ordinal);
        var evicted = new Dictionary<string, ContentDiagnostic>(StringComparer.Ordinal);
        var tags = db.Tags.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var document in loaded)
        {
            if (!document.Failed)
            {
                ClaimKeys(document, owners, evicted);
            }

            if (!rows.TryGetValue(document.Path, out var row))
            {
                row = new SourceFile { Path = document.Path, Hash = "" };
                db.SourceFiles.Add(row);
                rows[document.Path] = row;
            }

            row.Hash = hashes[document.Path];
            row.ImportedAt = now;
            row.Loaded = !document.Failed;
            ReplaceDiagnostics(db, row, document.Diagnostics);
            if (document.Failed)
            {
                continue;
            }

            if (row.Id != 0)
            {
                db.Database.ExecuteSqlInterpolated($"DELETE FROM Entries WHERE SourceFileId = {row.Id}");
            }

            foreach (var entry in document.Entries)
            {
                entry.Tags = document.TagNamesOf(entry)
                    .Select(aliases.Resolve)
                    .OfType<(string Slug, string Name)>()
                    .DistinctBy(t => t.Slug)
                    .Select(t => new EntryTag { Tag = tags.TryGetValue(t.Slug, out var tag) ? tag : tags[t.Slug] = new Tag { Slug = t.Slug, Name = t.Name } })
                    .ToList();
                row.Entries.Add(entry);
            }

            foreach (var entry in document.Entries)
            {
                db.Entries.Add(entry);
            }
        }

        foreach (var (path, diagnostic) in evicted)
        {
            var row = db.SourceFiles.Include(f => f.Diagnostics).Single(f => f.Path == path);
            db.Database.ExecuteSqlInterpolated($"DELETE FROM Entries WHERE SourceFileId = {row.Id}");
            row.Loaded = false;
            row.Diagnostics.Add(new StoredDiagnostic { Path = diagnostic.Path, Line = diagnostic.Line, Column = diagnostic.Column, Severity = diagnostic.Severity, Message = diagnostic.Message });
        }

        if (!rows.ContainsKey(FolderRowPath))
        {
            db.SourceFiles.Add(new SourceFile { Path = FolderRowPath, Hash = "", Loaded = true, ImportedAt = now });
        }
    }

    /// <summary>
    /// Keys are unique across the site. Of two files that claim one, the first in path order wins, so a cold import and
    /// any sequence of incremental imports agree; the other file is skipped with an error that names both.
    /// </summary>
    private static void ClaimKeys(LoadedDocument document, Dictionary<string, (string Path, int Line)> owners, Dictionary<string, ContentDiagnostic> evicted)
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

                evicted[owner.Path] = new ContentDiagnostic(owner.Path, owner.Line, 1, DiagnosticSeverity.Error,
                    $"duplicate slug '{entry.Slug}': the {kind} at {document.Path}:{entry.SourceLine} has it too; this file is skipped (set a different 'slug')");
                foreach (var key in owners.Where(o => o.Value.Path == owner.Path).Select(o => o.Key).ToList())
                {
                    owners.Remove(key);
                }
            }

            owners[entry.Key] = (document.Path, entry.SourceLine);
        }
    }

    private static void ReplaceDiagnostics(PortfolioDbContext db, SourceFile row, IEnumerable<ContentDiagnostic> diagnostics)
    {
        foreach (var old in row.Diagnostics.Where(d => !d.FromFolderPass).ToList())
        {
            row.Diagnostics.Remove(old);
            db.Diagnostics.Remove(old);
        }

        row.Diagnostics.AddRange(diagnostics.Select(d => new StoredDiagnostic
        {
            Path = d.Path, Line = d.Line, Column = d.Column, Severity = d.Severity, Message = d.Message,
        }));
    }

    /// <summary>Links entries to parents and guides in other files, drops unused tags, and reports what does not link.</summary>
    private static void LinkAcrossFiles(PortfolioDbContext db, TagAliases aliases, List<ContentDiagnostic> folderDiagnostics)
    {
        db.ChangeTracker.DetectChanges();
        db.SaveChanges();
        db.Database.ExecuteSqlRaw("DELETE FROM Diagnostics WHERE FromFolderPass = 1");
        db.Database.ExecuteSqlRaw("UPDATE Entries SET ParentId = (SELECT p.Id FROM Entries p WHERE p.Key = Entries.ParentKey) WHERE ParentKey <> ''");
        db.Database.ExecuteSqlRaw("UPDATE Entries SET Credential_GuideId = (SELECT g.Id FROM Entries g WHERE g.Key = 'guide:' || Entries.Credential_GuideSlug) WHERE Credential_GuideSlug IS NOT NULL");
        db.Database.ExecuteSqlRaw("UPDATE Entries SET Credential_GuideId = NULL WHERE Credential_GuideSlug IS NULL");
        db.Database.ExecuteSqlRaw("DELETE FROM Tags WHERE Id NOT IN (SELECT TagId FROM EntryTags)");
        db.Database.ExecuteSqlRaw("DELETE FROM TagAliases");
        db.TagAliases.AddRange(aliases.Aliases.Select(a => new TagAlias { Slug = a.Slug, Name = a.Name, TagSlug = a.TagSlug }));

        var rows = db.SourceFiles.Include(f => f.Diagnostics).ToDictionary(f => f.Path, StringComparer.Ordinal);
        void Report(string file, ContentDiagnostic diagnostic)
        {
            var row = rows.GetValueOrDefault(file) ?? rows[FolderRowPath];
            row.Diagnostics.Add(new StoredDiagnostic
            {
                Path = diagnostic.Path, Line = diagnostic.Line, Column = diagnostic.Column, Severity = diagnostic.Severity,
                Message = diagnostic.Message, FromFolderPass = true,
            });
        }

        var orphans = db.Entries.AsNoTracking().Where(e => e.ParentKey != "" && e.ParentId == null)
            .Select(e => new { e.SourcePath, e.SourceLine, e.ParentKey, e.Kind }).ToList();
        foreach (var orphan in orphans)
        {
            Report(orphan.SourcePath, new ContentDiagnostic(orphan.SourcePath, orphan.SourceLine, 1, DiagnosticSeverity.Warning,
                $"this {orphan.Kind.ToString().ToLowerInvariant()} belongs to '{orphan.ParentKey}', which is not loaded; add an index.md to its folder"));
        }

        var unlinked = db.Entries.AsNoTracking().Where(e => e.Credential!.GuideSlug != null && e.Credential.GuideId == null)
            .Select(e => new { e.SourcePath, e.Credential!.GuideSlug, e.Credential.GuideLine }).ToList();
        foreach (var entry in unlinked)
        {
            Report(entry.SourcePath, new ContentDiagnostic(entry.SourcePath, entry.GuideLine ?? 1, 1, DiagnosticSeverity.Warning,
                $"'guide' names '{entry.GuideSlug}', but there is no such guide in guides/"));
        }

        foreach (var diagnostic in folderDiagnostics)
        {
            Report(FolderRowPath, diagnostic);
        }
    }

    private static void SetMeta(PortfolioDbContext db, string key, string value)
    {
        var meta = db.Meta.Find(key);
        if (meta is null)
        {
            db.Meta.Add(new MetaValue { Key = key, Value = value });
        }
        else
        {
            meta.Value = value;
            db.Entry(meta).State = EntityState.Modified;
        }
    }
}
