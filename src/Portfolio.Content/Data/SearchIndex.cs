using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portfolio.Content.Data;

/// <summary>
/// The SQLite FTS5 index of every entry's title, text and tags, written with the entries at import (see ImportWriter)
/// and queried by the site's search. Titles weigh most, then tags, then the text.
/// </summary>
public static class SearchIndex
{
    /// <summary>
    /// The FTS5 index over the SearchText rows (English stemming over Unicode words, accents folded). It keeps no copy of
    /// the text ("external content"); the importer indexes new rows in bulk (SearchIndexWriter), as an FTS5 table written
    /// row by row between other statements flushes its buffer at every statement.
    /// </summary>
    public const string CreateTable = """
        CREATE VIRTUAL TABLE IF NOT EXISTS SearchIndex USING fts5(Title, Body, Tags, content = 'SearchText', content_rowid = 'Id',
            tokenize = 'porter unicode61 remove_diacritics 2');
        """;

    /// <summary>Marks around matched words in titles and snippets, replaced by the site after HTML encoding.</summary>
    public const char MatchStart = '\u0002';

    /// <summary>The end of a matched word.</summary>
    public const char MatchEnd = '\u0003';

    /// <summary>The weight of a match in the title, as bm25 ranks it.</summary>
    public const double TitleWeight = 10.0;

    /// <summary>The weight of a match in the text.</summary>
    public const double BodyWeight = 1.0;

    /// <summary>The weight of a match in the tags.</summary>
    public const double TagsWeight = 5.0;

    private static readonly string[] Operators = ["AND", "OR", "NOT", "NEAR"];

    /// <summary>
    /// Finds entries, best first. Simple words match as prefixes ("sagem" finds SageMaker); a query that uses FTS5
    /// syntax (quotes, *, AND, OR, NOT, NEAR, parentheses, column:) runs as written, and when it cannot run it is read as
    /// plain words instead. Never throws for any text.
    /// </summary>
    public static IReadOnlyList<SearchHit> Search(PortfolioDbContext db, string text, int limit = 200)
    {
        var words = PlainWords(text);
        if (words.Length == 0)
        {
            return [];
        }

        if (UsesSyntax(text))
        {
            try
            {
                return Run(db, text.Trim(), limit);
            }
            catch (SqliteException)
            {
                // Not valid FTS5: read it as plain words below.
            }
        }

        return Run(db, words, limit);
    }

    private static bool UsesSyntax(string text) =>
        text.IndexOfAny(['"', '*', '(', ')', ':', '^', '+']) >= 0
        || text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Any(w => Operators.Contains(w, StringComparer.Ordinal));

    /// <summary>Each run of letters and digits becomes a quoted prefix term; words joined by punctuation ("MLA-C01") a phrase.</summary>
    internal static string PlainWords(string text)
    {
        var terms = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(chunk => System.Text.RegularExpressions.Regex.Matches(chunk, @"[\p{L}\p{N}_]+").Select(m => m.Value).ToList())
            .Where(tokens => tokens.Count > 0)
            .Select(tokens => "\"" + string.Join(' ', tokens) + "\"*")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(32);
        return string.Join(' ', terms);
    }

    private static List<SearchHit> Run(PortfolioDbContext db, string match, int limit) =>
        db.Database.SqlQuery<SearchHit>($"""
            SELECT rowid AS EntryId,
                   highlight(SearchIndex, 0, char(2), char(3)) AS Title,
                   snippet(SearchIndex, 1, char(2), char(3), '…', 32) AS Snippet,
                   bm25(SearchIndex, {TitleWeight}, {BodyWeight}, {TagsWeight}) AS Rank
            FROM SearchIndex WHERE SearchIndex MATCH {match} ORDER BY Rank LIMIT {limit}
            """).AsEnumerable().ToList();
}

/// <summary>A search result: the entry, its title and a snippet with matched words between <see cref="SearchIndex.MatchStart"/> and <see cref="SearchIndex.MatchEnd"/>, and its rank (lower is better).</summary>
public sealed record SearchHit(int EntryId, string Title, string Snippet, double Rank);
