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
        return await ReadAsync(connection, options.Value.IncludeDrafts, cancellationToken);
    }

    /// <summary>
    /// The index is read with SQLite's own API rather than EF: it is read again after every import, and on the way to
    /// the site's first page, where EF's first query would cost a quarter of a second of CPU.
    /// </summary>
    private static async Task<ContentIndex> ReadAsync(SqliteConnection connection, bool includeDrafts, CancellationToken cancellationToken)
    {
        // One read transaction, so that the entries, tags and site file all come from the same import.
        await using var snapshot = connection.BeginTransaction(deferred: true);
        var credential = string.Join(", ", PortfolioDbContextRows.CredentialColumns.Select(c => $"e.\"{c}\""));
        var entries = new List<IndexedEntry>();
        var tags = new Dictionary<int, List<TagLink>>();
        await using (var command = Command(connection, snapshot, $"""
            SELECT et.EntryId, t.Slug, t.Name FROM EntryTags et JOIN Tags t ON t.Id = et.TagId;
            SELECT e.Id, e.Key, e.Kind, e.Slug, p.Slug, e.ParentId, e.Title, e.Label, e.Number, e."Order", e.Description,
                   e.DescriptionIsExcerpt, e.Date, e.ReadingMinutes, e.PlannedModules, f.ImportedAt, {credential}
            FROM Entries e
            LEFT JOIN Entries p ON p.Id = e.ParentId
            JOIN SourceFiles f ON f.Id = e.SourceFileId
            WHERE ($includeDrafts OR (NOT e.IsDraft AND (p.Id IS NULL OR NOT p.IsDraft))) AND (e.ParentKey = '' OR e.ParentId IS NOT NULL)
            ORDER BY e.Id;
            """))
        {
            command.Parameters.AddWithValue("$includeDrafts", includeDrafts);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var entryId = reader.GetInt32(0);
                if (!tags.TryGetValue(entryId, out var links))
                {
                    tags[entryId] = links = [];
                }

                links.Add(new TagLink(reader.GetString(1), reader.GetString(2), 0));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt32(0);
                entries.Add(new IndexedEntry(
                    id, reader.GetString(1), Enum.Parse<EntryKind>(reader.GetString(2)), reader.GetString(3), Text(reader, 4), Number(reader, 5),
                    reader.GetString(6), Text(reader, 7), Number(reader, 8), reader.GetInt32(9), Text(reader, 10), reader.GetBoolean(11),
                    reader.IsDBNull(12) ? null : reader.GetDateTime(12), PortfolioDbContextRows.ReadCredential(reader, 16),
                    reader.GetInt32(13), Number(reader, 14), reader.GetDateTime(15),
                    tags.TryGetValue(id, out var links) ? [.. links.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)] : []));
            }
        }

        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var command = Command(connection, snapshot, """
            SELECT Slug, TagSlug FROM TagAliases;
            SELECT Key, Value FROM Meta WHERE Key IN ($site, $lastImport);
            """))
        {
            command.Parameters.AddWithValue("$site", ContentImporter.SiteKey);
            command.Parameters.AddWithValue("$lastImport", ContentImporter.LastImportKey);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                aliases[reader.GetString(0)] = reader.GetString(1);
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                meta[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var lastImport = meta.GetValueOrDefault(ContentImporter.LastImportKey) ?? "";
        var lastModified = DateTimeOffset.TryParse(lastImport, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            ? at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond))
            : DateTimeOffset.UnixEpoch;
        return new ContentIndex(entries, aliases, SiteProfile.FromJson(meta.GetValueOrDefault(ContentImporter.SiteKey)), lastImport, lastModified);

        static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        static int? Number(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetInt32(column);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
