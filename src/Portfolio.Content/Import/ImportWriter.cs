using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Import;

/// <summary>
/// The writes of one import, in one transaction: the rows of each loaded file (its entries, tags, bodies, diagnostics
/// and search text) through prepared statements, the removal of deleted files, and the pass that links files together
/// (<see cref="LinkAcrossFiles"/>, with <see cref="CrossFileReferences"/>, <see cref="EntryLinkWriter"/> and <see cref="RedirectClaims"/>).
/// </summary>
internal sealed class ImportWriter : IDisposable
{
    /// <summary>The row that holds diagnostics about the folder rather than one file.</summary>
    public const string FolderRowPath = ".";

    private readonly PortfolioDbContext _db;
    private readonly DateTime _now;
    private readonly RowInserter<Entry> _entries;
    private readonly RowInserter<StoredDiagnostic> _diagnostics;
    private readonly RowInserter<EntryTag> _entryTags;
    private readonly RowInserter<EntryBody> _bodies;
    private readonly RowInserter<EntryFile> _entryFiles;
    private readonly RowInserter<SourceFile> _files;
    private readonly RowInserter<Redirect> _redirects;
    private readonly SearchIndexWriter _search;
    private readonly EntryLinkWriter _links;
    private readonly TagWriter _tags;
    private long _nextEntryId;
    private long _nextFileId;
    private readonly Dictionary<string, long> _fileIds = new(StringComparer.Ordinal);

    public ImportWriter(PortfolioDbContext db, SqliteTransaction transaction, DateTime now, TagAliases aliases)
    {
        _db = db;
        _now = now;
        var connection = transaction.Connection!;
        _entries = new RowInserter<Entry>(connection, transaction, ImportRows.Entries);
        _diagnostics = new RowInserter<StoredDiagnostic>(connection, transaction, ImportRows.Diagnostics);
        _entryTags = new RowInserter<EntryTag>(connection, transaction, ImportRows.EntryTags);
        _bodies = new RowInserter<EntryBody>(connection, transaction, ImportRows.EntryBodies);
        _entryFiles = new RowInserter<EntryFile>(connection, transaction, ImportRows.EntryFiles);
        _files = new RowInserter<SourceFile>(connection, transaction, ImportRows.SourceFiles);
        _redirects = new RowInserter<Redirect>(connection, transaction, ImportRows.Redirects);
        // Entry ids are given here, so that an entry's tags and topics need not wait for SQLite to name it. New ids are
        // above every id in use, and the search row of a deleted entry goes with it, so ids and search rows never clash.
        _nextEntryId = (db.Entries.Max(e => (long?)e.Id) ?? 0) + 1;
        _nextFileId = (db.SourceFiles.Max(f => (long?)f.Id) ?? 0) + 1;
        _search = new SearchIndexWriter(db, connection, transaction, _nextEntryId);
        _links = new EntryLinkWriter(db, connection, transaction);
        _tags = new TagWriter(db, connection, transaction, aliases);
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
        _tags.Clear();
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
            foreach (var tagId in _tags.IdsOf(names))
            {
                _entryTags.Add(new EntryTag { EntryId = entry.Id, TagId = (int)tagId });
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
                Tags = _tags.SearchText(names, entry.Kind),
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
        _db.Database.ExecuteSql($"DELETE FROM Diagnostics WHERE FromFolderPass = 1");
        CrossFileReferences.Link(_db);
        _links.Resolve(documents, reload, WarnFromFolderPass);
        _search.DeleteOrphans();
        _tags.Settle();
        CrossFileReferences.Report(_db, documents, WarnFromFolderPass);
        RedirectClaims.Settle(_db, WarnFromFolderPass);
        var folder = FileRow(FolderRowPath, "", "", loaded: true);
        foreach (var diagnostic in folderDiagnostics)
        {
            AddDiagnostic(folder, diagnostic, fromFolderPass: true);
        }
    }

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

    private void WarnFromFolderPass(int fileId, ContentDiagnostic diagnostic) => AddDiagnostic(fileId, diagnostic, fromFolderPass: true);

    public void Dispose()
    {
        _entries.Dispose();
        _bodies.Dispose();
        _entryFiles.Dispose();
        _diagnostics.Dispose();
        _entryTags.Dispose();
        _files.Dispose();
        _redirects.Dispose();
        _search.Dispose();
        _links.Dispose();
        _tags.Dispose();
    }
}
