using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>What a page reads of its entry from the database: the body rendered at import, a capstone's details, a badge's files.</summary>
public sealed class EntryBodies(PortfolioDbContext db, ContentState state)
{
    /// <summary>
    /// The rendered body of an entry, with the entries of the index that link to it. The body is found by its key: ids
    /// change when a file is imported again, keys do not, so a request that meets the index of the last import and the
    /// database of the next one still finds the page.
    /// </summary>
    public async Task<PageBody> GetAsync(ContentIndex index, IndexedEntry entry, CancellationToken cancellationToken)
    {
        var row = await db.Entries
            .Where(e => e.Key == entry.Key)
            .Join(db.EntryBodies, e => e.Id, b => b.EntryId, (e, b) => new { b.Html, b.Toc, b.Topics, e.WordCount, e.Facts, e.Authors, e.Image })
            .FirstOrDefaultAsync(cancellationToken);
        // No row while the database is built again after a fault: the page is not shown half-empty (and cached so) but
        // answered 503, try again. No row otherwise: the entry went away with an import that began after this request;
        // then the page shows what the index knows rather than failing.
        if (row is null && state.DatabaseProblem is not null)
        {
            throw new DatabaseRebuildingException();
        }

        var topics = (row?.Topics ?? []).OrderBy(t => t.Order)
            .GroupBy(t => t.Section)
            .Select(g => new TopicGroup(g.Key, g.First().SectionId, g.ToList()))
            .ToList();
        return new PageBody(
            new Article(entry.Title, entry.Label, entry.Description, entry.DescriptionIsExcerpt, row?.Html ?? "", row?.Toc ?? [], row?.WordCount ?? 0, entry.ReadingMinutes, entry.Date, entry.Tags,
                entry.Updated, row?.Authors ?? [], index.LinkedFrom(entry.Id).Select(e => e.ToEntryCard()).ToList()),
            row?.Facts ?? [],
            topics,
            row?.Image);
    }

    /// <summary>A file the entry stores beneath its page (a badge's picture or original file); null when it has none of that name.</summary>
    public async Task<StoredFile?> FileAsync(IndexedEntry entry, string name, CancellationToken cancellationToken) =>
        await db.EntryFiles.Where(f => f.Name == name && db.Entries.Any(e => e.Id == f.EntryId && e.Key == entry.Key))
            .Select(f => new StoredFile(f.ContentType, f.Bytes))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>How many bytes a stored file of the entry has, without reading them.</summary>
    public async Task<int?> FileSizeAsync(IndexedEntry entry, string name, CancellationToken cancellationToken) =>
        await db.EntryFiles.Where(f => f.Name == name && db.Entries.Any(e => e.Id == f.EntryId && e.Key == entry.Key))
            .Select(f => (int?)f.Bytes.Length)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The four fields of a capstone project; empty when the entry has none.</summary>
    public async Task<CapstoneDetails> CapstoneAsync(IndexedEntry capstone, CancellationToken cancellationToken) =>
        await db.Entries.Where(e => e.Key == capstone.Key).Select(e => e.Capstone).FirstOrDefaultAsync(cancellationToken) ?? new CapstoneDetails();
}

/// <summary>A file an entry stores: its media type and bytes.</summary>
public sealed record StoredFile(string ContentType, byte[] Bytes);

/// <summary>An entry's page body: the article, the facts found in its text, its topics by section, and its preview picture.</summary>
public sealed record PageBody(Article Article, Dictionary<string, string> Facts, IReadOnlyList<TopicGroup> Topics, string? Image = null);
