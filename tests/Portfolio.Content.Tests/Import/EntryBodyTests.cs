using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Portfolio.Content.Data;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Tests.Import;

/// <summary>A page body goes into the database and comes back as it was, and a parsed file sets its bodies aside whole.</summary>
public sealed class EntryBodyTests
{
    private static EntryBody Sample() => new()
    {
        EntryId = 1,
        Html = "<h2 id=\"a\">Ä heading</h2>\n<p>Text with “quotes” and 😀.</p>",
        Toc = [new TocItem(2, "a", "Ä heading"), new TocItem(3, "b", "")],
        Topics =
        [
            new Topic { Section = "Lessons", SectionId = "lessons", Order = 0, Depth = 0, Number = 1, Title = "First", Detail = "Detail" },
            new Topic { Section = "Lessons", SectionId = null, Order = 1, Depth = 1, Number = null, Title = "Nested", Detail = null },
        ],
    };

    [Fact]
    public void A_body_comes_back_from_the_database_as_it_was_written()
    {
        var written = Sample();

        var read = WriteAndRead(written);

        Assert.Equal(written.Html, read.Html);
        Assert.Equal(written.Toc, read.Toc);
        Assert.Equal(
            written.Topics.Select(t => (t.Section, t.SectionId, t.Order, t.Depth, t.Number, t.Title, t.Detail)),
            read.Topics.Select(t => (t.Section, t.SectionId, t.Order, t.Depth, t.Number, t.Title, t.Detail)));
    }

    [Fact]
    public void An_empty_body_comes_back_empty()
    {
        var read = WriteAndRead(new EntryBody { EntryId = 1 });

        Assert.Equal("", read.Html);
        Assert.Empty(read.Toc);
        Assert.Empty(read.Topics);
    }

    [Fact]
    public void Bodies_set_aside_are_the_entries_bodies_after_the_entries_let_go_of_them()
    {
        var document = TestContent.LoadRepositoryFile(TestContent.Guide);
        var before = document.Entries.Select(e => (e.Html, Toc: e.Toc.ToList(), Topics: e.Topics.Select(t => (t.Title, t.Detail)).ToList())).ToList();
        Assert.Contains(before, b => b.Html.Length > 0 && b.Toc.Count > 0);

        document.DetachBodies();

        Assert.All(document.Entries, e => Assert.Equal("", e.Html));
        var after = document.Entries.Select(document.BodyOf).ToList();
        Assert.Equal(before.Select(b => b.Html), after.Select(a => a.Html));
        Assert.Equal(before.Select(b => b.Toc), after.Select(a => a.Toc));
        Assert.Equal(before.Select(b => b.Topics), after.Select(a => a.Topics.Select(t => (t.Title, t.Detail)).ToList()));
    }

    [Fact]
    public void Search_text_is_the_description_summary_and_text_before_and_after_the_bodies_are_set_aside()
    {
        var document = TestContent.Load("certifications/c.md", "---\ntitle: Café\ndescription: Own words — naïve\nsummary: Short\n---\nBody text ✓.\n");
        var entry = Assert.Single(document.Entries);
        var before = document.SearchBodyOf(entry);

        document.DetachBodies();

        Assert.Equal("Own words — naïve\nShort\nBody text ✓.\n", before);
        Assert.Equal(before, document.SearchBodyOf(entry));
    }

    /// <summary>Writes a body with the importer's insert (the entry it belongs to first) and reads it back with EF.</summary>
    private static EntryBody WriteAndRead(EntryBody body)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(connection));
        PortfolioDatabase.EnsureSchema(db);
        using (var transaction = db.Database.BeginTransaction())
        {
            var sqlite = (SqliteTransaction)transaction.GetDbTransaction();
            using (var files = new RowInserter<SourceFile>(connection, sqlite, ImportRows.SourceFiles))
            using (var entries = new RowInserter<Entry>(connection, sqlite, ImportRows.Entries))
            using (var bodies = new RowInserter<EntryBody>(connection, sqlite, ImportRows.EntryBodies))
            {
                files.Add(new SourceFile { Id = 1, Path = "p.md", Hash = "h" });
                entries.Add(new Entry { Id = body.EntryId, Slug = "s", Title = "T", SourcePath = "p.md", SourceFileId = 1, Key = "page:s" });
                bodies.Add(body);
            }

            transaction.Commit();
        }

        return db.EntryBodies.Single();
    }
}
