using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portfolio.Content.Data;
using Portfolio.Content.Import;
using Portfolio.Content.Loading;
using Portfolio.Content.Markdown;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services;

/// <summary>Builds the <see cref="ContentIndex"/> once per import and hands out the current one.</summary>
public sealed class ContentIndexProvider(
    IDbContextFactory<PortfolioDbContext> databases,
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
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        // One read transaction, so that the entries, tags and site file all come from the same import.
        await using var snapshot = await db.Database.BeginTransactionAsync(cancellationToken);
        var includeDrafts = options.Value.IncludeDrafts;
        var tags = (await db.EntryTags.Select(et => new { et.EntryId, et.Tag!.Slug, et.Tag.Name }).ToListAsync(cancellationToken))
            .ToLookup(t => t.EntryId, t => new TagLink(t.Slug, t.Name, 0));
        var rows = await db.Entries
            .Where(e => (includeDrafts || (!e.IsDraft && (e.Parent == null || !e.Parent.IsDraft))) && (e.ParentKey == "" || e.ParentId != null))
            .OrderBy(e => e.Id)
            .Select(e => new
            {
                e.Id, e.Key, e.Kind, e.Slug, ParentSlug = e.Parent!.Slug, e.ParentId, e.Title, e.Label, e.Number, e.Order, e.Description,
                e.DescriptionIsExcerpt, e.Date, e.Updated, e.Credential, e.Badge, e.ReadingMinutes, e.PlannedModules, e.TaskItems, e.TaskItemsDone, e.SourceFile!.ImportedAt,
            })
            .ToListAsync(cancellationToken);
        var all = rows.ConvertAll(e => new IndexedEntry(
            e.Id, e.Key, e.Kind, e.Slug, e.ParentSlug, e.ParentId, e.Title, e.Label, e.Number, e.Order, e.Description,
            e.DescriptionIsExcerpt, e.Date, e.Updated, e.Credential, e.Badge, e.ReadingMinutes, e.PlannedModules, new TaskProgress(e.TaskItemsDone, e.TaskItems), e.ImportedAt,
            [.. tags[e.Id].OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)]));
        // A badge that a certification or program names belongs to that credential's page, even when the credential is a draft.
        var named = (await db.Entries.Where(e => e.Credential!.BadgeId != null).Select(e => e.Credential!.BadgeId!.Value).ToListAsync(cancellationToken)).ToHashSet();
        var entries = all.Where(e => !named.Contains(e.Id)).ToList();
        var byId = entries.ToDictionary(e => e.Id);
        var redirects = new Dictionary<string, IndexedEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var redirect in await db.Redirects.Where(r => !r.Ignored).Select(r => new { r.Path, r.EntryId }).ToListAsync(cancellationToken))
        {
            // Only to a page that is shown: a draft's or an orphan's old address stays not found.
            if (byId.TryGetValue(redirect.EntryId, out var entry))
            {
                redirects[redirect.Path] = entry;
            }
        }

        var links = await db.EntryLinks.Where(l => l.TargetEntryId != null)
            .Select(l => new { l.SourceEntryId, TargetEntryId = l.TargetEntryId!.Value })
            .Distinct()
            .ToListAsync(cancellationToken);
        var aliases = await db.TagAliases.ToDictionaryAsync(a => a.Slug, a => a.TagSlug, StringComparer.Ordinal, cancellationToken);
        var meta = await db.Meta.Where(m => m.Key == ContentImporter.SiteKey || m.Key == ContentImporter.LastImportKey || m.Key == ContentImporter.ContentVersionKey)
            .ToDictionaryAsync(m => m.Key, m => m.Value, StringComparer.Ordinal, cancellationToken);

        var lastImport = meta.GetValueOrDefault(ContentImporter.LastImportKey) ?? "";
        var lastModified = DateTimeOffset.TryParse(lastImport, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var at)
            ? at.AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond))
            : DateTimeOffset.UnixEpoch;
        // A database from before the content version was kept names its import instead, until the content next changes.
        var version = meta.GetValueOrDefault(ContentImporter.ContentVersionKey) ?? lastImport;
        return new ContentIndex(entries, aliases, SiteProfile.FromJson(meta.GetValueOrDefault(ContentImporter.SiteKey)), version, lastModified, redirects,
            links.Select(l => (l.SourceEntryId, l.TargetEntryId)), all.Where(e => named.Contains(e.Id)));
    }
}
