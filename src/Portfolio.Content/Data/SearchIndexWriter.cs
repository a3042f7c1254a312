using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portfolio.Content.Data;

/// <summary>
/// The importer's writes to the full-text index: entries' search text goes in as rows, and the index takes new rows in
/// bulk (<see cref="IndexPending"/>); rows the index has taken in are taken out of it with the very values it indexed.
/// </summary>
internal sealed class SearchIndexWriter : IDisposable
{
    private readonly PortfolioDbContext _db;
    private readonly RowInserter<SearchText> _rows;

    /// <summary>Entries with ids from here on have search text that the index has not taken in yet.</summary>
    private long _unindexedFrom;

    public SearchIndexWriter(PortfolioDbContext db, SqliteConnection connection, SqliteTransaction transaction, long nextEntryId)
    {
        _db = db;
        _rows = new RowInserter<SearchText>(connection, transaction, ImportRows.SearchTexts);
        _unindexedFrom = nextEntryId;
    }

    /// <summary>Writes an entry's search text, to be indexed by the next <see cref="IndexPending"/>.</summary>
    public void Add(SearchText text) => _rows.Add(text);

    /// <summary>Empties the index and its text, for an import that starts over.</summary>
    public void Clear()
    {
        _db.Database.ExecuteSql($"INSERT INTO SearchIndex (SearchIndex) VALUES ('delete-all'); DELETE FROM SearchText;");
        _unindexedFrom = 1;
    }

    /// <summary>Indexes, in one statement, the text written for entries with ids below <paramref name="nextEntryId"/>.</summary>
    public void IndexPending(long nextEntryId)
    {
        if (_unindexedFrom < nextEntryId)
        {
            _db.Database.ExecuteSql($"""
                INSERT INTO SearchIndex (rowid, Title, Body, Tags) SELECT Id, Title, Body, Tags FROM SearchText WHERE Id >= {_unindexedFrom} AND Id < {nextEntryId}
                """);
            _unindexedFrom = nextEntryId;
        }
    }

    /// <summary>Takes the entries of a source file out of the index and deletes their text; called before the entries go.</summary>
    public void DeleteEntriesOf(long sourceFileId) =>
        _db.Database.ExecuteSql($"""
            INSERT INTO SearchIndex (SearchIndex, rowid, Title, Body, Tags)
                SELECT 'delete', Id, Title, Body, Tags FROM SearchText WHERE Id IN (SELECT Id FROM Entries WHERE SourceFileId = {sourceFileId}) AND Id < {_unindexedFrom};
            DELETE FROM SearchText WHERE Id IN (SELECT Id FROM Entries WHERE SourceFileId = {sourceFileId});
            """);

    /// <summary>Takes out the text of entries that are gone (their rows went with a file, or a parent).</summary>
    public void DeleteOrphans() =>
        _db.Database.ExecuteSql($"""
            INSERT INTO SearchIndex (SearchIndex, rowid, Title, Body, Tags)
                SELECT 'delete', Id, Title, Body, Tags FROM SearchText WHERE Id NOT IN (SELECT Id FROM Entries) AND Id < {_unindexedFrom};
            DELETE FROM SearchText WHERE Id NOT IN (SELECT Id FROM Entries);
            """);

    public void Dispose() => _rows.Dispose();
}
