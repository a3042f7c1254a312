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
