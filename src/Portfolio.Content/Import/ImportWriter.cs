using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Import;

/// <summary>
/// The writes of one import, in one transaction: the rows of each loaded file (its entries, tags, bodies, diagnostics
/// and search text) through prepared statements, the removal of deleted files, and the pass that links files together.
/// </summary>
internal sealed class ImportWriter : IDisposable
{
    /// <summary>The row that holds diagnostics about the folder rather than one file.</summary>
    public const string FolderRowPath = ".";

    private readonly PortfolioDbContext _db;
    private readonly DateTime _now;
    private readonly TagAliases _aliases;
    private readonly RowInserter<Entry> _entries;
    private readonly RowInserter<StoredDiagnostic> _diagnostics;
    private readonly RowInserter<EntryTag> _entryTags;
    private readonly RowInserter<EntryBody> _bodies;
    private readonly RowInserter<EntryFile> _entryFiles;
    private readonly RowInserter<SourceFile> _files;
    private readonly RowInserter<TagAlias> _tagAliases;
    private readonly RowInserter<Redirect> _redirects;
    private readonly SearchIndexWriter _search;
    private readonly EntryLinkWriter _links;
    private readonly SqliteCommand _tag;
    private long _nextEntryId;
    private long _nextFileId;
    private readonly Dictionary<string, long> _tagIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _fileIds = new(StringComparer.Ordinal);

    public ImportWriter(PortfolioDbContext db, SqliteTransaction transaction, DateTime now, TagAliases aliases)
    {
        _db = db;
        _now = now;
        _aliases = aliases;
        var connection = transaction.Connection!;
        _entries = new RowInserter<Entry>(connection, transaction, ImportRows.Entries);
        _diagnostics = new RowInserter<StoredDiagnostic>(connection, transaction, ImportRows.Diagnostics);
        _entryTags = new RowInserter<EntryTag>(connection, transaction, ImportRows.EntryTags);
        _bodies = new RowInserter<EntryBody>(connection, transaction, ImportRows.EntryBodies);
        _entryFiles = new RowInserter<EntryFile>(connection, transaction, ImportRows.EntryFiles);
        _files = new RowInserter<SourceFile>(connection, transaction, ImportRows.SourceFiles);
        _tagAliases = new RowInserter<TagAlias>(connection, transaction, ImportRows.TagAliases);
        _redirects = new RowInserter<Redirect>(connection, transaction, ImportRows.Redirects);
        _tag = connection.CreateCommand();
        _tag.Transaction = transaction;
        _tag.CommandText = "INSERT INTO Tags (Slug, Name) VALUES ($slug, $name) RETURNING Id";
        _tag.Parameters.Add(new SqliteParameter { ParameterName = "$slug" });
        _tag.Parameters.Add(new SqliteParameter { ParameterName = "$name" });
        // Entry ids are given here, so that an entry's tags and topics need not wait for SQLite to name it. New ids are
        // above every id in use, and the search row of a deleted entry goes with it, so ids and search rows never clash.
        _nextEntryId = (db.Entries.Max(e => (long?)e.Id) ?? 0) + 1;
        _nextFileId = (db.SourceFiles.Max(f => (long?)f.Id) ?? 0) + 1;
        _search = new SearchIndexWriter(db, connection, transaction, _nextEntryId);
        _links = new EntryLinkWriter(db, connection, transaction);

        foreach (var tag in db.Tags.Select(t => new { t.Id, t.Slug }))
        {
            _tagIds[tag.Slug] = tag.Id;
        }

        foreach (var file in db.SourceFiles.Select(f => new { f.Id, f.Path }))
        {
            _fileIds[file.Path] = file.Id;
        }
    }

    /// <summary>Empties every table, for an import that starts over.</summary>
    public void Clear()
    {
        _search.Clear();
        _db.Database.ExecuteSql($"""
            DELETE FROM EntryTags; DELETE FROM EntryBodies; DELETE FROM EntryFiles; DELETE FROM EntryLinks; DELETE FROM Redirects; DELETE FROM Entries; DELETE FROM Diagnostics; DELETE FROM SourceFiles; DELETE FROM Tags; DELETE FROM TagAliases;
            """);
        _tagIds.Clear();
        _fileIds.Clear();
        _nextEntryId = _nextFileId = 1;
    }

    /// <summary>Forgets files that are gone, with their entries.</summary>
    public void Delete(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (_fileIds.Remove(path, out var id))
            {
                DeleteEntries(id);
                _db.Database.ExecuteSql($"DELETE FROM Diagnostics WHERE SourceFileId = {id}; DELETE FROM SourceFiles WHERE Id = {id}");
            }
        }
    }

    /// <summary>The key of every entry, with the file and line that own it, except those of the given files.</summary>
    public Dictionary<string, (string Path, int Line)> EntryOwners(IReadOnlySet<string> except) =>
        _db.Entries.Select(e => new { e.Key, e.SourcePath, e.SourceLine }).AsEnumerable()
            .Where(e => !except.Contains(e.SourcePath))
            .ToDictionary(e => e.Key, e => (e.SourcePath, e.SourceLine), StringComparer.Ordinal);

    /// <summary>A file whose bytes did not change though its size or time did: only its stamp is new.</summary>
    public void Touch(string path, string stamp) =>
        _db.Database.ExecuteSql($"UPDATE SourceFiles SET Stamp = {stamp} WHERE Path = {path}");

    /// <summary>Writes a loaded file: its row and diagnostics, and, when it loaded, its entries in place of the old ones.</summary>
    public void Store(LoadedDocument document, string hash, string stamp)
    {
        var known = _fileIds.ContainsKey(document.Path);
        var id = FileRow(document.Path, hash, stamp, loaded: !document.Failed);
        if (known)
        {
            _db.Database.ExecuteSql($"DELETE FROM Diagnostics WHERE SourceFileId = {id} AND FromFolderPass = 0");
        }

        foreach (var diagnostic in document.Diagnostics)
        {
            AddDiagnostic(id, diagnostic, fromFolderPass: false);
        }

        if (document.Failed)
        {
            // The last good version of the file, if there was one, stays on the site.
            return;
        }

        if (known)
        {
            DeleteEntries(id);
        }

        foreach (var entry in document.Entries)
        {
            entry.Id = (int)_nextEntryId++;
            entry.SourceFileId = (int)id;
            entry.ParentId = entry.Parent?.Id;
            entry.PartId = entry.Part?.Id;
            _entries.Add(entry);
            var names = document.TagNamesOf(entry);
            foreach (var (slug, name) in names.Select(_aliases.Resolve).OfType<(string Slug, string Name)>().DistinctBy(t => t.Slug))
            {
                _entryTags.Add(new EntryTag { EntryId = entry.Id, TagId = (int)TagId(slug, name) });
            }

            foreach (var redirect in entry.Redirects)
            {
                redirect.EntryId = entry.Id;
                _redirects.Add(redirect);
            }

            var body = document.BodyOf(entry);
            body.EntryId = entry.Id;
            _bodies.Add(body);
            foreach (var file in document.FilesOf(entry))
            {
                file.EntryId = entry.Id;
                _entryFiles.Add(file);
            }

            _links.Add(entry.Id, document.LinksOf(entry));
            _search.Add(new SearchText
            {
                Id = entry.Id,
                Title = entry.Label is null ? entry.Title : $"{entry.Label}: {entry.Title}",
                Body = document.SearchBodyOf(entry),
                // The kind is searchable too: "capstone" finds every capstone project.
                Tags = string.Join(", ", names.Concat(names.Select(n => _aliases.Resolve(n)?.Name ?? n)).Append(entry.Kind.DisplayName()).Distinct(StringComparer.OrdinalIgnoreCase)),
            });
        }
    }

    /// <summary>Takes the entries of a file that lost its slugs to a file earlier in path order; it is parsed again next time.</summary>
    public void Evict(ContentDiagnostic diagnostic)
    {
        if (_fileIds.TryGetValue(diagnostic.Path, out var id))
        {
            DeleteEntries(id);
            _db.Database.ExecuteSql($"UPDATE SourceFiles SET Loaded = 0 WHERE Id = {id}");
            AddDiagnostic(id, diagnostic, fromFolderPass: false);
        }
    }

    /// <summary>Adds the search text written since the last call to the full-text index, so it is built in a few large steps.</summary>
    public void IndexSearchText() => _search.IndexPending(_nextEntryId);

    /// <summary>
    /// Links entries to parents and guides in other files and resolves the links between entries (<paramref name="documents"/>
    /// are the folder's Markdown files, <paramref name="reload"/> parses one again), drops unused tags, and reports what does not link.
    /// </summary>
    public void LinkAcrossFiles(IEnumerable<ContentDiagnostic> folderDiagnostics, IReadOnlySet<string> documents, Func<string, LoadedDocument?> reload)
    {
        IndexSearchText();
        _db.Database.ExecuteSql($"""
            DELETE FROM Diagnostics WHERE FromFolderPass = 1;
            UPDATE Entries SET ParentId = (SELECT p.Id FROM Entries p WHERE p.Key = Entries.ParentKey) WHERE ParentKey <> '' AND ParentId IS NULL;
            UPDATE Entries SET Credential_GuideId = NULL
                WHERE Credential_GuideId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Entries g WHERE g.Id = Entries.Credential_GuideId);
            UPDATE Entries SET Credential_GuideId = (SELECT g.Id FROM Entries g WHERE g.Key = 'guide:' || Entries.Credential_GuideSlug)
                WHERE Credential_GuideSlug IS NOT NULL AND Credential_GuideId IS NULL;
            UPDATE Entries SET Credential_BadgeId = NULL
                WHERE Credential_BadgeId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Entries b WHERE b.Id = Entries.Credential_BadgeId);
            UPDATE Entries SET Credential_BadgeId = (SELECT b.Id FROM Entries b WHERE b.Kind = 'Badge' AND b.SourcePath = Entries.Credential_BadgePath)
                WHERE Credential_BadgePath IS NOT NULL AND Credential_BadgeId IS NULL;
            DELETE FROM Tags WHERE Id NOT IN (SELECT TagId FROM EntryTags);
            DELETE FROM TagAliases;
            """);
        _links.Resolve(documents, reload, (fileId, diagnostic) => AddDiagnostic(fileId, diagnostic, fromFolderPass: true));
        _search.DeleteOrphans();
        _tagIds.Clear();
        foreach (var (slug, name, tagSlug) in _aliases.Aliases)
        {
            _tagAliases.Add(new TagAlias { Slug = slug, Name = name, TagSlug = tagSlug });
        }

        var orphans = _db.Entries.Where(e => e.ParentKey != "" && e.ParentId == null)
            .Select(e => new { e.SourceFileId, e.SourcePath, e.SourceLine, e.ParentKey, e.Kind }).ToList();
        foreach (var orphan in orphans)
        {
            AddDiagnostic(orphan.SourceFileId, new ContentDiagnostic(orphan.SourcePath, orphan.SourceLine, 1, DiagnosticSeverity.Warning,
                $"this {orphan.Kind.ToString().ToLowerInvariant()} belongs to '{orphan.ParentKey}', which is not loaded; add an index.md to its folder"), fromFolderPass: true);
        }

        var unlinked = _db.Entries.Where(e => e.Credential!.GuideSlug != null && e.Credential.GuideId == null)
            .Select(e => new { e.SourceFileId, e.SourcePath, e.Credential!.GuideLine, e.Credential.GuideSlug }).ToList();
        foreach (var entry in unlinked)
        {
            AddDiagnostic(entry.SourceFileId, new ContentDiagnostic(entry.SourcePath, entry.GuideLine ?? 1, 1, DiagnosticSeverity.Warning,
                $"'guide' names '{entry.GuideSlug}', but there is no such guide in guides/"), fromFolderPass: true);
        }

        var badgeless = _db.Entries.Where(e => e.Credential!.BadgePath != null && e.Credential.BadgeId == null)
            .Select(e => new { e.SourceFileId, e.SourcePath, e.Credential!.BadgeLine, e.Credential.BadgePath }).ToList();
        foreach (var entry in badgeless)
        {
            AddDiagnostic(entry.SourceFileId, new ContentDiagnostic(entry.SourcePath, entry.BadgeLine ?? 1, 1, DiagnosticSeverity.Warning,
                documents.Contains(entry.BadgePath!)
                    ? $"'badge' names {entry.BadgePath}, which did not load as a badge (see its own problems); the certification is shown without it"
                    : $"'badge' names {entry.BadgePath}, but there is no such badge file in badges/"), fromFolderPass: true);
        }

        SettleRedirects();
        var folder = FileRow(FolderRowPath, "", "", loaded: true);
        foreach (var diagnostic in folderDiagnostics)
        {
            AddDiagnostic(folder, diagnostic, fromFolderPass: true);
        }
    }

    /// <summary>
    /// Decides which old addresses are served: not one that is a page's own address, nor one an entry earlier in path
    /// order has already, so that a cold import and any run of incremental ones agree. Those left out are reported.
    /// </summary>
    private void SettleRedirects()
    {
        var redirects = _db.Redirects
            .Select(r => new { r.Id, r.Path, r.SourcePath, r.Line, r.Column, r.Entry!.SourceFileId, EntryPath = r.Entry.SourcePath, r.Entry.Kind, r.Entry.Slug, r.Entry.ParentKey })
            .AsEnumerable()
            .OrderBy(r => r.EntryPath, StringComparer.Ordinal).ThenBy(r => r.Line).ThenBy(r => r.Column)
            .ToList();
        if (redirects.Count == 0)
        {
            return;
        }

        var pages = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var page in _db.Entries.Select(e => new { e.Kind, e.Slug, e.ParentKey, e.SourcePath }).AsEnumerable().Where(e => EntryUrls.HasPage(e.Kind)))
        {
            pages.TryAdd(EntryUrls.Of(page.Kind, page.Slug, EntryUrls.ParentSlugOf(page.ParentKey)), page.SourcePath);
        }

        var served = new Dictionary<string, (string Path, int Line)>(StringComparer.OrdinalIgnoreCase);
        var ignored = new List<int>();
        foreach (var redirect in redirects)
        {
            string? problem = null;
            if (!EntryUrls.HasPage(redirect.Kind))
            {
                problem = $"the alias '{redirect.Path}' is ignored: a file outside {string.Join(", ", ContentPaths.Folders.Keys.Select(f => f + "/"))} has no page of its own to lead to";
            }
            else if (string.Equals(redirect.Path, EntryUrls.Of(redirect.Kind, redirect.Slug, EntryUrls.ParentSlugOf(redirect.ParentKey)), StringComparison.OrdinalIgnoreCase))
            {
                // The page's own address, as a permalink often is: nothing to redirect.
            }
            else if (pages.TryGetValue(redirect.Path, out var page))
            {
                problem = $"the alias '{redirect.Path}' is the address of the page of {page}; it is ignored";
            }
            else if (served.TryGetValue(redirect.Path, out var first))
            {
                problem = $"the alias '{redirect.Path}' is already an alias at {first.Path}:{first.Line}; it is ignored";
            }
            else
            {
                served[redirect.Path] = (redirect.SourcePath, redirect.Line);
                continue;
            }

            ignored.Add(redirect.Id);
            if (problem is not null)
            {
                AddDiagnostic(redirect.SourceFileId, new ContentDiagnostic(redirect.SourcePath, redirect.Line, redirect.Column, DiagnosticSeverity.Warning, problem), fromFolderPass: true);
            }
        }

        _db.Redirects.ExecuteUpdate(r => r.SetProperty(x => x.Ignored, x => ignored.Contains(x.Id)));
    }

    /// <summary>
    /// Every file as now stored (its path and the hash of its bytes) with the folder's settings, hashed: replicas that
    /// import the same folder into databases of their own agree on it, and so on their pages' ETags.
    /// </summary>
    public string ContentVersion(string settingsHash)
    {
        var files = _db.SourceFiles.Where(f => f.Path != FolderRowPath).Select(f => new { f.Path, f.Hash }).AsEnumerable()
            .OrderBy(f => f.Path, StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(settingsHash));
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"\n{file.Path}\0{file.Hash}"));
        }

        return Convert.ToHexString(hash.GetHashAndReset(), 0, 16).ToLowerInvariant();
    }

    public void SetMeta(string key, string value) =>
        _db.Database.ExecuteSql($"INSERT INTO Meta (Key, Value) VALUES ({key}, {value}) ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value");

    private long FileRow(string path, string hash, string stamp, bool loaded)
    {
        if (_fileIds.TryGetValue(path, out var id))
        {
            _db.Database.ExecuteSql($"UPDATE SourceFiles SET Hash = {hash}, Stamp = {stamp}, Loaded = {loaded}, ImportedAt = {_now} WHERE Id = {id}");
            return id;
        }

        id = _nextFileId++;
        _files.Add(new SourceFile { Id = (int)id, Path = path, Hash = hash, Stamp = stamp, Loaded = loaded, ImportedAt = _now });
        _fileIds[path] = id;
        return id;
    }

    /// <summary>Deletes a file's entries, their search text first.</summary>
    private void DeleteEntries(long fileId)
    {
        _search.DeleteEntriesOf(fileId);
        _db.Database.ExecuteSql($"DELETE FROM Entries WHERE SourceFileId = {fileId}");
    }

    private void AddDiagnostic(long fileId, ContentDiagnostic diagnostic, bool fromFolderPass) =>
        _diagnostics.Add(new StoredDiagnostic
        {
            SourceFileId = (int)fileId, Path = diagnostic.Path, Line = diagnostic.Line, Column = diagnostic.Column,
            Severity = diagnostic.Severity, Message = diagnostic.Message, FromFolderPass = fromFolderPass,
        });

    private long TagId(string slug, string name)
    {
        if (!_tagIds.TryGetValue(slug, out var id))
        {
            _tag.Parameters[0].Value = slug;
            _tag.Parameters[1].Value = name;
            id = (long)_tag.ExecuteScalar()!;
            _tagIds[slug] = id;
        }

        return id;
    }

    public void Dispose()
    {
        _entries.Dispose();
        _bodies.Dispose();
        _entryFiles.Dispose();
        _diagnostics.Dispose();
        _entryTags.Dispose();
        _files.Dispose();
        _tagAliases.Dispose();
        _redirects.Dispose();
        _search.Dispose();
        _links.Dispose();
        _tag.Dispose();
    }
}
