using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Content.Import;

namespace Portfolio.Content.Tests.Import;

/// <summary>The FTS5 index built at import, queried through a real SQLite file.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.WithRepositoryContent();

    public void Dispose() => _folder.Dispose();

    private PortfolioDbContext Imported()
    {
        new ContentImporter(TimeProvider.System).Import(_folder.Content, PortfolioDatabase.Options(_folder.Database));
        return new PortfolioDbContext(PortfolioDatabase.Options(_folder.Database));
    }

    [Theory]
    [InlineData("machine learning", "\"machine\"* \"learning\"*")]
    [InlineData("MLA-C01", "\"MLA C01\"*")]
    [InlineData("  aws   aws ", "\"aws\"*")]
    [InlineData("\"unbalanced", "\"unbalanced\"*")]
    [InlineData("*** ((( )))", "")]
    [InlineData("😀", "")]
    [InlineData("C# and .NET", "\"C\"* \"and\"* \"NET\"*")]
    public void Plain_words_become_quoted_prefix_terms(string text, string match) =>
        Assert.Equal(match, SearchIndex.PlainWords(text));

    [Fact]
    public void Every_entry_is_indexed_and_a_reimport_keeps_one_row_an_entry()
    {
        using var db = Imported();
        db.Dispose();
        _folder.Write("certifications/aws-certified-machine-learning-specialty.md",
            File.ReadAllText(Path.Combine(_folder.Content, "certifications/aws-certified-machine-learning-specialty.md")) + "\nA new zanzibar paragraph.\n");

        using var again = Imported();

        var hits = SearchIndex.Search(again, "zanzibar");
        Assert.Equal(again.Entries.Single(e => e.Slug == "aws-certified-machine-learning-specialty").Id, Assert.Single(hits).EntryId);
        var connection = again.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) || ' ' || count(DISTINCT rowid) FROM SearchIndex";
        var entries = again.Entries.Count();
        Assert.Equal($"{entries} {entries}", command.ExecuteScalar());
    }

    [Fact]
    public void A_full_reimport_that_reuses_ids_leaves_one_row_an_entry()
    {
        using (Imported())
        {
        }

        // A changed tag file re-imports everything; SQLite hands out the freed ids again.
        File.AppendAllText(Path.Combine(_folder.Content, "tags.yml"), "Containers: [Docker containers]\n");
        using var db = Imported();

        var hits = SearchIndex.Search(db, "forecasting");
        Assert.Equal(hits.Count, hits.Select(h => h.EntryId).Distinct().Count());
    }

    [Fact]
    public void A_deleted_file_leaves_no_rows_behind()
    {
        using (Imported())
        {
        }

        _folder.Delete("guides/aws-machine-learning-engineering.md");
        using var db = Imported();

        Assert.Empty(SearchIndex.Search(db, "fruits"));
    }

    [Fact]
    public void The_index_matches_the_text_after_edits_deletions_and_a_duplicate_in_one_import()
    {
        using (Imported())
        {
        }

        var specialty = "certifications/aws-certified-machine-learning-specialty.md";
        var original = File.ReadAllText(Path.Combine(_folder.Content, specialty));
        _folder.Write(specialty, original + "\nA paragraph about quokkas.\n");
        _folder.Delete("guides/aws-machine-learning-engineering.md");
        // Two new files with one slug, the earlier in path order written second: the later one is stored, then evicted
        // within the same import, before its text was indexed.
        _folder.Write("certifications/zz-copy.md", "---\ntitle: Copy\nslug: wombat\n---\nWombats everywhere.\n");
        _folder.Write("certifications/aa-first.md", "---\ntitle: First\nslug: wombat\n---\nA single wombat.\n");
        using (Imported())
        {
        }

        _folder.Write(specialty, original + "\nA paragraph about numbats.\n");
        using var db = Imported();

        Assert.Null(IntegrityProblem(db));
        Assert.Empty(SearchIndex.Search(db, "quokkas"));
        Assert.Empty(SearchIndex.Search(db, "fruits"));
        Assert.Single(SearchIndex.Search(db, "numbats"));
        Assert.Equal(db.Entries.Single(e => e.Slug == "wombat").Id, Assert.Single(SearchIndex.Search(db, "wombat")).EntryId);
    }

    [Fact]
    public void The_integrity_check_used_above_finds_text_the_index_does_not_hold()
    {
        using var db = Imported();
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO SearchText (Id, Title, Body, Tags) VALUES (100000, 'Stray', 'Text the index never saw', '')";
        command.ExecuteNonQuery();

        Assert.NotNull(IntegrityProblem(db));
    }

    /// <summary>FTS5's own check that the index holds exactly the text of the content table; null when it does.</summary>
    private static string? IntegrityProblem(PortfolioDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO SearchIndex (SearchIndex, rank) VALUES ('integrity-check', 1)";
        try
        {
            command.ExecuteNonQuery();
            return null;
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            return ex.Message;
        }
    }
}
