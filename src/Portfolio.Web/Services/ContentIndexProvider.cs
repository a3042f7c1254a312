using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Portfolio.Content.Data;
using Portfolio.Content.Data.Compiled;
using Portfolio.Content.Import;
using Portfolio.Content.Loading;
using Portfolio.Web.Infrastructure;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services;

/// <summary>Builds the <see cref="ContentIndex"/> once per import and hands out the current one.</summary>
public sealed class ContentIndexProvider(
    SiteDatabase database,
    IOptions<PortfolioOptions> options,
    ContentState state,
    DatabaseFaults faults) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile ContentIndex? _current;
    private volatile ContentIndex? _lastGood;
    private int _generation;

    /// <summary>The index of the last import, built on first use after it.</summary>
    public async Task<ContentIndex> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            return current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } built)
            {
                return built;
            }

            // An import that finishes while this index is built makes it stale: use it for this request only.
            var generation = Volatile.Read(ref _generation);
            var index = await BuildAsync(cancellationToken);
            if (generation == Volatile.Read(ref _generation))
            {
                _current = index;
            }

            _lastGood = index;
            return index;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            // Before the first import has created the schema there is nothing to show yet. After it, the database was
            // deleted or damaged under the site: it is built again, and the last index read serves meanwhile.
            if (state.Imports > 0)
            {
                faults.Report(ex);
            }

            return _lastGood ?? ContentIndex.Empty;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Drops the index so that the next request builds it from the newly imported database.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _current = null;
    }

    private async Task<ContentIndex> BuildAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return Read(connection, options.Value.IncludeDrafts);
    }

    /// <summary>
    /// The index is read with SQLite's own API rather than EF: it is read again after every import, and on the way to
    /// the site's first page, where EF's first query would cost a quarter of a second of CPU.
    /// </summary>
    private static ContentIndex Read(SqliteConnection connection, bool includeDrafts)
    {
        // One read transaction, so that the entries, tags and site file all come from the same import.
        using var snapshot = connection.BeginTransaction(deferred: true);
        var tags = connection.Rows(snapshot, "SELECT et.EntryId, t.Slug, t.Name FROM EntryTags et JOIN Tags t ON t.Id = et.TagId",
                r => (EntryId: r.GetInt32(0), Link: new TagLink(r.GetString(1), r.GetString(2), 0)))
            .ToLookup(t => t.EntryId, t => t.Link);
        var credential = string.Join(", ", PortfolioDbContextRows.CredentialColumns.Select(c => $"e.\"{c}\""));
        var entries = connection.Rows(snapshot, $"""
            SELECT e.Id, e.Key, e.Kind, e.Slug, p.Slug, e.ParentId, e.Title, e.Label, e.Number, e."Order", e.Description,
                   e.DescriptionIsExcerpt, e.Date, e.ReadingMinutes, e.PlannedModules, f.ImportedAt, {credential}
            FROM Entries e
            LEFT JOIN Entries p ON p.Id = e.ParentId
            JOIN SourceFiles f ON f.Id = e.SourceFileId
            WHERE ($includeDrafts OR (NOT e.IsDraft AND (p.Id IS NULL OR NOT p.IsDraft))) AND (e.ParentKey = '' OR e.ParentId IS NOT NULL)
            ORDER BY e.Id
            """,
            r => new IndexedEntry(
                r.GetInt32(0), r.GetString(1), Enum.Parse<EntryKind>(r.GetString(2)), r.GetString(3), Text(r, 4), Number(r, 5),
                r.GetString(6), Text(r, 7), Number(r, 8), r.GetInt32(9), Text(r, 10), r.GetBoolean(11),
                r.IsDBNull(12) ? null : r.GetDateTime(12), PortfolioDbContextRows.ReadCredential(r, 16),
                r.GetInt32(13), Number(r, 14), r.GetDateTime(15),
                [.. tags[r.GetInt32(0)].OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)]),
            ("$includeDrafts", includeDrafts));
        var aliases = connection.Rows(snapshot, "SELECT Slug, TagSlug FROM TagAliases", r => (Slug: r.GetString(0), Tag: r.GetString(1)))
            .ToDictionary(a => a.Slug, a => a.Tag, StringComparer.Ordinal);
        var meta = connection.Rows(snapshot, "SELECT Key, Value FROM Meta WHERE Key IN ($site, $lastImport)", r => (Key: r.GetString(0), Value: r.GetString(1)),
                ("$site", ContentImporter.SiteKey), ("$lastImport", ContentImporter.LastImportKey))
            .ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);

        var lastImport = meta.GetValueOrDefault(ContentImporter.LastImportKey) ?? "";
        var lastModified = DateTimeOffset.TryParse(lastImport, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            ? at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond))
            : DateTimeOffset.UnixEpoch;
        return new ContentIndex(entries, aliases, SiteProfile.FromJson(meta.GetValueOrDefault(ContentImporter.SiteKey)), lastImport, lastModified);

        static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        static int? Number(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt32(column);
    }
}
