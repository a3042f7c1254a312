using Microsoft.Data.Sqlite;
using Portfolio.Content.Data;
using Portfolio.Content.Data.Compiled;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Import;

/// <summary>
/// The writes of one import, in one transaction, with prepared statements: the rows of each loaded file (its entries,
/// tags, topics, diagnostics and search text), the removal of deleted files, and the pass that links files together.
/// </summary>
internal sealed class ImportWriter : IDisposable
{
    /// <summary>The row that holds diagnostics about the folder rather than one file.</summary>
    public const string FolderRowPath = ".";

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly DateTime _now;
    private readonly TagAliases _aliases;
    private readonly RowBatcher _entries;
    private readonly RowBatcher _diagnostics;
    private readonly RowBatcher _entryTags;
    private readonly RowBatcher _bodies;
    private readonly RowBatcher _searchText;
    private readonly RowBatcher _files;
    private readonly SqliteCommand _tag;
    private long _nextEntryId;
    private long _nextFileId;

    /// <summary>Entries with ids from here on have search text that the full-text index has not taken in yet.</summary>
    private long _unindexedFrom;
    private readonly Dictionary<string, long> _tagIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _fileIds = new(StringComparer.Ordinal);

    public ImportWriter(SqliteConnection connection, SqliteTransaction transaction, DateTime now, TagAliases aliases)
    {
        _connection = connection;
        _transaction = transaction;
        _now = now;
        _aliases = aliases;
        // Columns and values as the EF model maps them, generated from it (tools/Portfolio.ModelCompiler).
        _entries = new RowBatcher(connection, "Entries", PortfolioDbContextRows.EntriesColumns);
        _diagnostics = new RowBatcher(connection, "Diagnostics", PortfolioDbContextRows.DiagnosticsColumns);
        _entryTags = new RowBatcher(connection, "EntryTags", ["EntryId", "TagId"]);
        _bodies = new RowBatcher(connection, "EntryBodies", ["EntryId", "Data"]);
        _searchText = new RowBatcher(connection, "SearchText", ["Id", "Title", "Body", "Tags"]);
        _files = new RowBatcher(connection, "SourceFiles", ["Id", "Path", "Hash", "Stamp", "Loaded", "ImportedAt"]);
        _tag = Command("INSERT INTO Tags (Slug, Name) VALUES ($slug, $name) RETURNING Id", "$slug", "$name");
        // Entry ids are given here, so that an entry's tags and topics need not wait for SQLite to name it. New ids are
        // above every id in use, and the search row of a deleted entry goes with it, so ids and search rows never clash.
        _nextEntryId = Query("SELECT COALESCE(MAX(Id), 0) FROM Entries", r => r.GetInt64(0))[0] + 1;
        _nextFileId = Query("SELECT COALESCE(MAX(Id), 0) FROM SourceFiles", r => r.GetInt64(0))[0] + 1;
        _unindexedFrom = _nextEntryId;

        foreach (var (id, slug) in Query("SELECT Id, Slug FROM Tags", r => (r.GetInt64(0), r.GetString(1))))
        {
            _tagIds[slug] = id;
        }

        foreach (var (id, path) in Query("SELECT Id, Path FROM SourceFiles", r => (r.GetInt64(0), r.GetString(1))))
        {
            _fileIds[path] = id;
        }
    }

    /// <summary>Empties every table, for an import that starts over.</summary>
    public void Clear()
    {
        Execute("""
            INSERT INTO SearchIndex (SearchIndex) VALUES ('delete-all'); DELETE FROM SearchText;
            DELETE FROM EntryTags; DELETE FROM EntryBodies; DELETE FROM Entries; DELETE FROM Diagnostics; DELETE FROM SourceFiles; DELETE FROM Tags; DELETE FROM TagAliases;
            """);
        _tagIds.Clear();
        _fileIds.Clear();
        _nextEntryId = _unindexedFrom = _nextFileId = 1;
    }

    /// <summary>Forgets files that are gone, with their entries.</summary>
    public void Delete(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (_fileIds.Remove(path, out var id))
            {
                DeleteEntries(id);
                Execute("DELETE FROM Diagnostics WHERE SourceFileId = $id; DELETE FROM SourceFiles WHERE Id = $id", ("$id", id));
            }
        }
    }

    /// <summary>The key of every entry, with the file and line that own it, except those of the given files.</summary>
    public Dictionary<string, (string Path, int Line)> EntryOwners(IReadOnlySet<string> except) =>
        Query("SELECT Key, SourcePath, SourceLine FROM Entries", r => (Key: r.GetString(0), Path: r.GetString(1), Line: r.GetInt32(2)))
            .Where(e => !except.Contains(e.Path))
            .ToDictionary(e => e.Key, e => (e.Path, e.Line), StringComparer.Ordinal);

    /// <summary>A file whose bytes did not change though its size or time did: only its stamp is new.</summary>
    public void Touch(string path, string stamp) =>
        Execute("UPDATE SourceFiles SET Stamp = $stamp WHERE Path = $path", ("$stamp", stamp), ("$path", path));

    /// <summary>Writes a loaded file: its row and diagnostics, and, when it loaded, its entries in place of the old ones.</summary>
    public void Store(LoadedDocument document, string hash, string stamp)
    {
        var known = _fileIds.ContainsKey(document.Path);
        var id = FileRow(document.Path, hash, stamp, loaded: !document.Failed);
        if (known)
        {
            Execute("DELETE FROM Diagnostics WHERE SourceFileId = $id AND FromFolderPass = 0", ("$id", id));
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
            _entries.Add(PortfolioDbContextRows.EntriesValues(entry));
            var names = document.TagNamesOf(entry);
            foreach (var (slug, name) in names.Select(_aliases.Resolve).OfType<(string Slug, string Name)>().DistinctBy(t => t.Slug))
            {
                _entryTags.Add(entry.Id, TagId(slug, name));
            }

            _bodies.Add(entry.Id, document.BodyOf(entry));

            _searchText.Add(
                entry.Id,
                entry.Label is null ? entry.Title : $"{entry.Label}: {entry.Title}",
                new Utf8Text(document.SearchBodyOf(entry)),
                // The kind is searchable too: "capstone" finds every capstone project.
                string.Join(", ", names.Concat(names.Select(n => _aliases.Resolve(n)?.Name ?? n)).Append(entry.Kind.DisplayName()).Distinct(StringComparer.OrdinalIgnoreCase)));
        }
    }

    /// <summary>Takes the entries of a file that lost its slugs to a file earlier in path order; it is parsed again next time.</summary>
    public void Evict(ContentDiagnostic diagnostic)
    {
        if (_fileIds.TryGetValue(diagnostic.Path, out var id))
        {
            DeleteEntries(id);
            Execute("UPDATE SourceFiles SET Loaded = 0 WHERE Id = $id", ("$id", id));
            AddDiagnostic(id, diagnostic, fromFolderPass: false);
        }
    }

    /// <summary>
    /// Adds the search text written since the last call to the full-text index, in one statement: called after each
    /// batch of files, so the index is built in a few large steps while the next batch is parsed.
    /// </summary>
    public void IndexSearchText()
    {
        if (_unindexedFrom < _nextEntryId)
        {
            Execute("INSERT INTO SearchIndex (rowid, Title, Body, Tags) SELECT Id, Title, Body, Tags FROM SearchText WHERE Id >= $from AND Id < $to",
                ("$from", _unindexedFrom), ("$to", _nextEntryId));
            _unindexedFrom = _nextEntryId;
        }
    }

    /// <summary>Links entries to parents and guides in other files, drops unused tags, and reports what does not link.</summary>
    public void LinkAcrossFiles(IEnumerable<ContentDiagnostic> folderDiagnostics)
    {
        IndexSearchText();
        Execute("""
            DELETE FROM Diagnostics WHERE FromFolderPass = 1;
            UPDATE Entries SET ParentId = (SELECT p.Id FROM Entries p WHERE p.Key = Entries.ParentKey) WHERE ParentKey <> '' AND ParentId IS NULL;
            UPDATE Entries SET Credential_GuideId = NULL
                WHERE Credential_GuideId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Entries g WHERE g.Id = Entries.Credential_GuideId);
            UPDATE Entries SET Credential_GuideId = (SELECT g.Id FROM Entries g WHERE g.Key = 'guide:' || Entries.Credential_GuideSlug)
                WHERE Credential_GuideSlug IS NOT NULL AND Credential_GuideId IS NULL;
            DELETE FROM Tags WHERE Id NOT IN (SELECT TagId FROM EntryTags);
            INSERT INTO SearchIndex (SearchIndex, rowid, Title, Body, Tags)
                SELECT 'delete', Id, Title, Body, Tags FROM SearchText WHERE Id NOT IN (SELECT Id FROM Entries);
            DELETE FROM SearchText WHERE Id NOT IN (SELECT Id FROM Entries);
            DELETE FROM TagAliases;
            """);
        _tagIds.Clear();
        foreach (var (slug, name, tagSlug) in _aliases.Aliases)
        {
            Execute("INSERT INTO TagAliases (Slug, Name, TagSlug) VALUES ($slug, $name, $tag)", ("$slug", slug), ("$name", name), ("$tag", tagSlug));
        }

        var orphans = Query(
            "SELECT SourceFileId, SourcePath, SourceLine, ParentKey, Kind FROM Entries WHERE ParentKey <> '' AND ParentId IS NULL",
            r => (File: r.GetInt64(0), Path: r.GetString(1), Line: r.GetInt32(2), Parent: r.GetString(3), Kind: r.GetString(4)));
        foreach (var orphan in orphans)
        {
            AddDiagnostic(orphan.File, new ContentDiagnostic(orphan.Path, orphan.Line, 1, DiagnosticSeverity.Warning,
                $"this {orphan.Kind.ToLowerInvariant()} belongs to '{orphan.Parent}', which is not loaded; add an index.md to its folder"), fromFolderPass: true);
        }

        var unlinked = Query(
            "SELECT SourceFileId, SourcePath, Credential_GuideLine, Credential_GuideSlug FROM Entries WHERE Credential_GuideSlug IS NOT NULL AND Credential_GuideId IS NULL",
            r => (File: r.GetInt64(0), Path: r.GetString(1), Line: r.IsDBNull(2) ? 1 : r.GetInt32(2), Guide: r.GetString(3)));
        foreach (var entry in unlinked)
        {
            AddDiagnostic(entry.File, new ContentDiagnostic(entry.Path, entry.Line, 1, DiagnosticSeverity.Warning,
                $"'guide' names '{entry.Guide}', but there is no such guide in guides/"), fromFolderPass: true);
        }

        var folder = FileRow(FolderRowPath, "", "", loaded: true);
        foreach (var diagnostic in folderDiagnostics)
        {
            AddDiagnostic(folder, diagnostic, fromFolderPass: true);
        }
    }

    public void SetMeta(string key, string value) =>
        Execute("INSERT INTO Meta (Key, Value) VALUES ($key, $value) ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value", ("$key", key), ("$value", value));

    private long FileRow(string path, string hash, string stamp, bool loaded)
    {
        if (_fileIds.TryGetValue(path, out var id))
        {
            Execute("UPDATE SourceFiles SET Hash = $hash, Stamp = $stamp, Loaded = $loaded, ImportedAt = $now WHERE Id = $id",
                ("$hash", hash), ("$stamp", stamp), ("$loaded", loaded), ("$now", _now), ("$id", id));
            return id;
        }

        id = _nextFileId++;
        _files.Add(id, path, hash, stamp, loaded, _now);
        _fileIds[path] = id;
        return id;
    }

    /// <summary>Deletes a file's entries and their search text; text the index has taken in is taken out of it first, with the very values it was indexed with.</summary>
    private void DeleteEntries(long fileId) =>
        Execute("""
            INSERT INTO SearchIndex (SearchIndex, rowid, Title, Body, Tags)
                SELECT 'delete', Id, Title, Body, Tags FROM SearchText WHERE Id IN (SELECT Id FROM Entries WHERE SourceFileId = $id) AND Id < $indexed;
            DELETE FROM SearchText WHERE Id IN (SELECT Id FROM Entries WHERE SourceFileId = $id);
            DELETE FROM Entries WHERE SourceFileId = $id;
            """, ("$id", fileId), ("$indexed", _unindexedFrom));

    private void AddDiagnostic(long fileId, ContentDiagnostic diagnostic, bool fromFolderPass) =>
        _diagnostics.Add(PortfolioDbContextRows.DiagnosticsValues(new StoredDiagnostic
        {
            SourceFileId = (int)fileId, Path = diagnostic.Path, Line = diagnostic.Line, Column = diagnostic.Column,
            Severity = diagnostic.Severity, Message = diagnostic.Message, FromFolderPass = fromFolderPass,
        }));

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

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private void Execute(string sql, params (string Name, object? Value)[] parameters) => _connection.Execute(_transaction, sql, parameters);

    private List<TRow> Query<TRow>(string sql, Func<SqliteDataReader, TRow> read) => _connection.Rows(_transaction, sql, read);

    public void Dispose()
    {
        _entries.Dispose();
        _bodies.Dispose();
        _diagnostics.Dispose();
        _entryTags.Dispose();
        _searchText.Dispose();
        _files.Dispose();
        _tag.Dispose();
    }
}
