using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portfolio.Content.Data;
using Portfolio.Content.Import;
using Portfolio.Content.Loading;
using Portfolio.Web.Infrastructure;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services;

/// <summary>Builds the <see cref="ContentIndex"/> once per import and hands out the current one.</summary>
public sealed class ContentIndexProvider(
    IServiceScopeFactory scopes,
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

    /// <summary>
    /// EF's and SQLite's first-use work (services, model, native library) and the compilation of the index's queries,
    /// done on an empty in-memory database: started with the host, on a spare core, it is over before the first import
    /// and the first index need it, and takes about a third of a second off the time to the first page.
    /// </summary>
    public static void WarmUp()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = new PortfolioDbContext(new DbContextOptionsBuilder<PortfolioDbContext>().UseSqlite(connection).ForSiteReads().Options);
        PortfolioDatabase.EnsureSchema(db);
        ReadAsync(db, includeDrafts: false, CancellationToken.None).GetAwaiter().GetResult();
    }

    private async Task<ContentIndex> BuildAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        return await ReadAsync(scope.ServiceProvider.GetRequiredService<PortfolioDbContext>(), options.Value.IncludeDrafts, cancellationToken);
    }

    private static async Task<ContentIndex> ReadAsync(PortfolioDbContext db, bool includeDrafts, CancellationToken cancellationToken)
    {
        // One read transaction, so that the entries, tags and site file all come from the same import.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var snapshot = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(snapshot, cancellationToken);

        var rows = await db.Entries.AsNoTracking()
            .Where(e => includeDrafts || (!e.IsDraft && (e.Parent == null || !e.Parent.IsDraft)))
            .Where(e => e.ParentKey == "" || e.ParentId != null)
            .Select(e => new
            {
                e.Id, e.Key, e.Kind, e.Slug, ParentSlug = e.Parent == null ? null : e.Parent.Slug, e.ParentId, e.Title, e.Label, e.Number,
                e.Order, e.Description, e.DescriptionIsExcerpt, e.Date, e.Credential, e.ReadingMinutes, e.PlannedModules,
                ImportedAt = e.SourceFile!.ImportedAt,
            })
            .ToListAsync(cancellationToken);
        var tags = (await db.EntryTags.AsNoTracking()
                .Select(t => new { t.EntryId, t.Tag!.Slug, t.Tag.Name })
                .ToListAsync(cancellationToken))
            .GroupBy(t => t.EntryId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TagLink>)g.Select(t => new TagLink(t.Slug, t.Name, 0)).OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToList());
        var aliases = await db.TagAliases.AsNoTracking().ToDictionaryAsync(a => a.Slug, a => a.TagSlug, StringComparer.Ordinal, cancellationToken);
        var siteJson = await db.Meta.AsNoTracking().Where(m => m.Key == ContentImporter.SiteKey).Select(m => m.Value).FirstOrDefaultAsync(cancellationToken);
        var lastImport = await db.Meta.AsNoTracking().Where(m => m.Key == ContentImporter.LastImportKey).Select(m => m.Value).FirstOrDefaultAsync(cancellationToken) ?? "";
        var lastModified = DateTimeOffset.TryParse(lastImport, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            ? at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond))
            : DateTimeOffset.UnixEpoch;

        var entries = rows.Select(e => new IndexedEntry(
                e.Id, e.Key, e.Kind, e.Slug, e.ParentSlug, e.ParentId, e.Title, e.Label, e.Number, e.Order, e.Description, e.DescriptionIsExcerpt, e.Date,
                e.Credential, e.ReadingMinutes, e.PlannedModules, e.ImportedAt, tags.GetValueOrDefault(e.Id) ?? []))
            .ToList();
        return new ContentIndex(entries, aliases, SiteProfile.FromJson(siteJson), lastImport, lastModified);
    }
}
