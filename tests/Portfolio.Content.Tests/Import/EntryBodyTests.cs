using Portfolio.Content.Data;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Tests.Import;

/// <summary>The stored form of a page body: what goes in comes out, and damaged bytes are recognised rather than thrown on.</summary>
public sealed class EntryBodyTests
{
    private static Entry Sample() => new()
    {
        Slug = "s", Title = "T", SourcePath = "p.md",
        Html = "<h2 id=\"a\">Ä heading</h2>\n<p>Text with “quotes” and 😀.</p>",
        Toc = [new TocItem(2, "a", "Ä heading"), new TocItem(3, "b", "")],
        Topics =
        [
            new Topic { Section = "Lessons", SectionId = "lessons", Order = 0, Depth = 0, Number = 1, Title = "First", Detail = "Detail" },
            new Topic { Section = "Lessons", SectionId = null, Order = 1, Depth = 1, Number = null, Title = "Nested", Detail = null },
        ],
    };

    [Fact]
    public void A_body_comes_back_as_it_was_written()
    {
        var entry = Sample();

        var content = EntryBody.Decode(EntryBody.Encode(entry))!;

        Assert.Equal(entry.Html, content.Html);
        Assert.Equal(entry.Toc, content.Toc);
        Assert.Equal(
            entry.Topics.Select(t => (t.Section, t.SectionId, t.Order, t.Depth, t.Number, t.Title, t.Detail)),
            content.Topics.Select(t => (t.Section, t.SectionId, t.Order, t.Depth, t.Number, t.Title, t.Detail)));
    }

    [Fact]
    public void Encoded_bodies_are_the_entries_bodies_after_the_entries_let_go_of_them()
    {
        var document = TestContent.LoadRepositoryFile(TestContent.Guide);
        var before = document.Entries.Select(e => (e.Html, Toc: e.Toc.ToList(), Topics: e.Topics.Select(t => (t.Title, t.Detail)).ToList())).ToList();
        Assert.Contains(before, b => b.Html.Length > 0 && b.Toc.Count > 0);

        document.EncodeBodies();

        Assert.All(document.Entries, e => Assert.Equal("", e.Html));
        var after = document.Entries.Select(e => EntryBody.Decode(document.BodyOf(e))!).ToList();
        Assert.Equal(before.Select(b => b.Html), after.Select(a => a.Html));
        Assert.Equal(before.Select(b => b.Toc), after.Select(a => a.Toc));
        Assert.Equal(before.Select(b => b.Topics), after.Select(a => a.Topics.Select(t => (t.Title, t.Detail)).ToList()));
    }

    [Fact]
    public void Search_text_is_the_description_summary_and_text_before_and_after_encoding()
    {
        var document = TestContent.Load("certifications/c.md", "---\ntitle: Café\ndescription: Own words — naïve\nsummary: Short\n---\nBody text ✓.\n");
        var entry = Assert.Single(document.Entries);
        var before = document.SearchBodyOf(entry);

        document.EncodeBodies();

        Assert.Equal("Own words — naïve\nShort\nBody text ✓.\n", before);
        Assert.Equal(before, document.SearchBodyOf(entry));
    }

    [Fact]
    public void An_empty_body_comes_back_empty()
    {
        var content = EntryBody.Decode(EntryBody.Encode(new Entry { Slug = "s", Title = "T", SourcePath = "p.md" }))!;

        Assert.Equal("", content.Html);
        Assert.Empty(content.Toc);
        Assert.Empty(content.Topics);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(-1)]
    public void Damaged_bytes_decode_to_null(int damage)
    {
        var data = EntryBody.Encode(Sample());
        byte[] damaged = damage switch
        {
            0 => [],
            -1 => data[..(data.Length / 2)],
            _ => [.. data.Select((b, i) => i % damage == 0 ? (byte)(b ^ 0x5A) : b)],
        };

        Assert.Null(EntryBody.Decode(damaged));
    }
}
