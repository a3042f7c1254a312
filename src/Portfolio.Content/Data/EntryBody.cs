using Portfolio.Content.Markdown;

namespace Portfolio.Content.Data;

/// <summary>What a page shows of an entry beyond its listing, read only to render that page: its HTML, contents and topics.</summary>
public sealed class EntryBody
{
    public int EntryId { get; set; }

    public string Html { get; set; } = "";

    public List<TocItem> Toc { get; set; } = [];

    public List<Topic> Topics { get; set; } = [];
}
