using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Import;

/// <summary>
/// The links between entries, in an import: each file's links are resolved once every file is written, in memory
/// against all entries, and written as rows; the bodies of the entries that hold them get their links (the HTML of a
/// file parsed in this import holds marks where they go). A file not parsed in this import whose links now lead
/// elsewhere (a target appeared, went, or was renamed) is rendered again from disk, so that a cold import and any
/// sequence of incremental ones give the same rows and the same HTML.
/// </summary>
internal sealed class EntryLinkWriter : IDisposable
{
    /// <summary>How many bodies are read back, or files rendered again, at a time: memory stays flat however many link.</summary>
    private const int Batch = 64;

    private readonly PortfolioDbContext _db;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly RowInserter<EntryLink> _rows;
    private readonly SqliteCommand _updateLink;
    private readonly SqliteCommand _updateBody;

    /// <summary>The links of the entries written in this import, by entry id: their rows are written once they are resolved.</summary>
    private readonly List<(int EntryId, IReadOnlyList<EntryLinkRequest> Links)> _written = [];

    public EntryLinkWriter(PortfolioDbContext db, SqliteConnection connection, SqliteTransaction transaction)
    {
        _db = db;
        _connection = connection;
        _transaction = transaction;
        _rows = new RowInserter<EntryLink>(connection, transaction, ImportRows.EntryLinks);
        _updateLink = Command("UPDATE EntryLinks SET TargetEntryId = $p0, TargetKey = $p1, Fragment = $p2 WHERE SourceEntryId = $p3 AND Number = $p4", 5);
        _updateBody = Command("UPDATE EntryBodies SET Html = $p0 WHERE EntryId = $p1", 2);
    }

    /// <summary>Keeps the links of an entry just written, to resolve once every file is.</summary>
    public void Add(int entryId, IReadOnlyList<EntryLinkRequest> links)
    {
        if (links.Count > 0)
        {
            _written.Add((entryId, links));
        }
    }

    /// <summary>
    /// Resolves every link of the database, writes the rows and the bodies that change, and reports each link that leads
    /// nowhere. <paramref name="reload"/> parses a file of this import's folder again, or gives null when it changed on disk.
    /// </summary>
    public void Resolve(IReadOnlySet<string> documents, Func<string, LoadedDocument?> reload, Action<int, ContentDiagnostic> warn)
    {
        var stored = _db.EntryLinks
            .Join(_db.Entries, l => l.SourceEntryId, e => e.Id, (l, e) => new { Link = l, e.SourcePath, e.SourceFileId })
            .ToList();
        if (stored.Count == 0 && _written.Count == 0)
        {
            return;
        }

        var entries = _db.Entries.OrderBy(e => e.Id)
            .Select(e => new LinkableEntry(e.Id, e.SourceFileId, e.Key, e.Kind, e.Slug, e.Title, e.Label, e.ParentKey, e.SourcePath, e.IsDraft, e.Anchors))
            .ToList();
        var byId = entries.ToDictionary(e => e.Id);
        var resolver = new LinkResolver(entries, documents);
        var hrefs = new Dictionary<(int Entry, int Number), string?>();
        var stale = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var row in stored)
        {
            var link = row.Link;
            var resolution = resolver.Resolve(new LinkQuery(link.SourceEntryId, row.SourcePath, link.Written, link.Target, link.IsWikilink, link.RequestedFragment));
            hrefs[(link.SourceEntryId, link.Number)] = resolution.Href;
            Report(resolution, row.SourceFileId, row.SourcePath, link.Line, link.Column, warn);
            var key = resolution.Target?.Key;
            if (key != link.TargetKey || resolution.Fragment != link.Fragment)
            {
                stale.Add(row.SourcePath);
                Execute(_updateLink, resolution.Target?.Id, key, resolution.Fragment, link.SourceEntryId, link.Number);
            }
        }

        // A target whose file was imported again has new ids under the same keys: its links follow it in one statement.
        _db.Database.ExecuteSql($"UPDATE EntryLinks SET TargetEntryId = (SELECT e.Id FROM Entries e WHERE e.Key = EntryLinks.TargetKey) WHERE TargetKey IS NOT NULL AND TargetEntryId IS NULL");

        var written = new List<int>();
        foreach (var (entryId, links) in _written)
        {
            // An entry written and then evicted by a file that claimed its slug has no links left to write.
            if (!byId.TryGetValue(entryId, out var source))
            {
                continue;
            }

            written.Add(entryId);
            foreach (var link in links)
            {
                var resolution = resolver.Resolve(new LinkQuery(entryId, source.SourcePath, link.Written, link.Target, link.IsWikilink, link.Fragment));
                hrefs[(entryId, link.Number)] = resolution.Href;
                Report(resolution, source.SourceFileId, source.SourcePath, link.Line, link.Column, warn);
                _rows.Add(new EntryLink
                {
                    SourceEntryId = entryId, Number = link.Number, Line = link.Line, Column = link.Column, Written = link.Written,
                    Target = link.Target, IsWikilink = link.IsWikilink, RequestedFragment = link.Fragment,
                    TargetEntryId = resolution.Target?.Id, TargetKey = resolution.Target?.Key, Fragment = resolution.Fragment,
                });
            }
        }

        _written.Clear();
        ResolveWrittenBodies(written, hrefs);
        RenderAgain(stale, entries, reload, hrefs);
    }

    private static void Report(LinkResolution resolution, int fileId, string path, int line, int column, Action<int, ContentDiagnostic> warn)
    {
        if (resolution.Problem is { } problem)
        {
            warn(fileId, new ContentDiagnostic(path, line, column, DiagnosticSeverity.Warning, problem));
        }
    }

    /// <summary>Puts the links into the bodies written in this import, a batch of bodies at a time.</summary>
    private void ResolveWrittenBodies(List<int> entryIds, Dictionary<(int Entry, int Number), string?> hrefs)
    {
        foreach (var batch in entryIds.Chunk(Batch))
        {
            var bodies = new List<(int Id, string Html)>(batch.Length);
            using (var read = _connection.CreateCommand())
            {
                read.Transaction = _transaction;
                read.CommandText = $"SELECT EntryId, Html FROM EntryBodies WHERE EntryId IN ({string.Join(", ", batch.Select(id => id.ToString(CultureInfo.InvariantCulture)))})";
                using var reader = read.ExecuteReader();
                while (reader.Read())
                {
                    bodies.Add((reader.GetInt32(0), reader.GetString(1)));
                }
            }

            foreach (var (id, html) in bodies)
            {
                Execute(_updateBody, EntryLinkHtml.Resolve(html, n => hrefs.GetValueOrDefault((id, n))), id);
            }
        }
    }

    /// <summary>
    /// Renders again, from disk, the files not parsed in this import whose links now lead elsewhere, and writes their
    /// bodies; their entries, rows and search text are unchanged.
    /// </summary>
    private void RenderAgain(IEnumerable<string> paths, List<LinkableEntry> entries, Func<string, LoadedDocument?> reload, Dictionary<(int Entry, int Number), string?> hrefs)
    {
        var byPath = entries.ToLookup(e => e.SourcePath, StringComparer.Ordinal);
        foreach (var batch in paths.Chunk(Batch))
        {
            foreach (var (path, document) in batch.AsParallel().AsOrdered().Select(p => (p, reload(p))).ToList())
            {
                // The same bytes give the same entries in the same order, as the last import stored them.
                var stored = byPath[path].ToList();
                if (document is null || document.Failed || document.Entries.Count != stored.Count)
                {
                    continue;
                }

                for (var i = 0; i < stored.Count; i++)
                {
                    var entry = document.Entries[i];
                    if (document.LinksOf(entry).Count > 0)
                    {
                        var id = stored[i].Id;
                        Execute(_updateBody, EntryLinkHtml.Resolve(document.BodyOf(entry).Html, n => hrefs.GetValueOrDefault((id, n))), id);
                    }
                }
            }
        }
    }

    private SqliteCommand Command(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" });
        }

        return command;
    }

    private static void Execute(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _rows.Dispose();
        _updateLink.Dispose();
        _updateBody.Dispose();
    }
}
