using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services;

/// <summary>
/// The search index of a static copy of the site, read in the browser by js/search.js (ranked search, as the server's
/// FTS5 search ranks) and js/credentials.js (filters): per visible entry its page, kind, tags and the three columns the
/// server indexes (title, text, tags), in the order of the server's rows. The text is what the server searches, the
/// description, summary and body with their headings, trimmed to a budget so the file stays small on a large site.
/// </summary>
public sealed class StaticSearchIndex(ContentIndexProvider indexes, PortfolioDbContext db)
{
    /// <summary>The most text kept of one entry, in characters: the start of its text, cut at a space.</summary>
    public const int MaxTextPerEntry = 20_000;

    /// <summary>The most text kept of all entries together; past it every entry keeps the same shorter start.</summary>
    public const int MaxText = 2_000_000;

    /// <summary>FTS5's bm25 weights of the three columns, as SearchIndex ranks with them.</summary>
    private static readonly double[] Weights = [SearchIndex.TitleWeight, SearchIndex.BodyWeight, SearchIndex.TagsWeight];

    /// <summary>The index, with every page and tag address made by <paramref name="link"/> from its site path.</summary>
    public async Task<StaticSearchIndexFile> BuildAsync(Func<string, string> link, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var ids = index.ById.Keys.ToHashSet();
        // Every row of a visible entry: guide parts are counted by the server's ranking though never shown, so they are here too.
        var rows = (await db.SearchTexts.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken)).Where(t => ids.Contains(t.Id)).ToList();
        var tags = new List<StaticSearchTag>();
        var tagNumbers = new Dictionary<string, int>(StringComparer.Ordinal);
        int TagNumber(TagLink tag)
        {
            if (!tagNumbers.TryGetValue(tag.Slug, out var number))
            {
                number = tagNumbers[tag.Slug] = tags.Count;
                tags.Add(new StaticSearchTag(tag.Slug, tag.Name, tag.Count, link(SiteUrls.Tag(tag.Slug))));
            }

            return number;
        }

        var budget = TextBudget(rows.Select(r => r.Body.Length).ToList(), MaxTextPerEntry, MaxText - rows.Sum(r => r.Title.Length + r.Tags.Length));
        var entries = rows.Select(row =>
        {
            var entry = index.ById[row.Id];
            return new StaticSearchEntry(
                EntryUrls.HasPage(entry.Kind) && entry.Kind != EntryKind.GuidePart ? link(entry.Url) : null,
                entry.Kind.Slug(),
                entry.Kind.DisplayName(),
                entry.Tags.Select(TagNumber).ToList(),
                row.Title,
                Trim(row.Body, budget),
                row.Tags);
        }).ToList();
        return new StaticSearchIndexFile(Weights, budget, tags, entries);
    }

    /// <summary>The most characters each text may keep so that none keeps more than <paramref name="perEntry"/> and all together no more than <paramref name="total"/>.</summary>
    internal static int TextBudget(IReadOnlyList<int> lengths, int perEntry, int total)
    {
        int Sum(int cap) => lengths.Sum(length => Math.Min(length, cap));
        if (Sum(perEntry) <= total)
        {
            return perEntry;
        }

        int low = 0, high = perEntry;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Sum(middle) <= Math.Max(total, 0))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>The start of a text, at most <paramref name="length"/> characters, cut at a space where there is one.</summary>
    internal static string Trim(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOfAny([' ', '\n'], Math.Max(length - 1, 0));
        return text[..(cut > length / 2 ? cut : length)];
    }
}

/// <summary>The static copy's search index, as the browser reads it.</summary>
/// <param name="Weights">The bm25 weights of title, text and tags.</param>
/// <param name="TextBudget">The most characters of text each entry keeps.</param>
/// <param name="Tags">Every tag of the entries, referred to by its place in this list.</param>
/// <param name="Entries">The rows of the server's index that belong to visible entries, in its order.</param>
public sealed record StaticSearchIndexFile(IReadOnlyList<double> Weights, int TextBudget, IReadOnlyList<StaticSearchTag> Tags, IReadOnlyList<StaticSearchEntry> Entries);

/// <summary>A tag: its slug, name, number of entries and page.</summary>
public sealed record StaticSearchTag(string Slug, string Name, int Count, string Url);

/// <summary>One entry: its page (none for a part of a guide, which is never a result), kind, tags, and the three indexed columns.</summary>
public sealed record StaticSearchEntry(string? Url, string Kind, string KindName, IReadOnlyList<int> Tags, string Title, string Text, string TagText);
