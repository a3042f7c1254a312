using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.FrontMatter;
using Portfolio.Content.Loading;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Extraction;

/// <summary>One file being loaded: its body, parsed Markdown, front matter and diagnostics, with helpers the extractors share.</summary>
internal sealed partial class DocumentContext(
    string path, string body, int bodyFirstLine, MarkdownDocument document, FrontMatterFields fields, DiagnosticBag diagnostics, LoadedDocument result,
    IReadOnlyList<EntryLinkRequest> links)
{
    public string Path { get; } = path;

    public string Body { get; } = body;

    public MarkdownDocument Document { get; } = document;

    public FrontMatterFields Fields { get; } = fields;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public LoadedDocument Result { get; } = result;

    /// <summary>The top-level blocks of the body.</summary>
    public IReadOnlyList<Block> Blocks => Document;

    /// <summary>The 1-based line of a block in the file.</summary>
    public int LineOf(Block block) => block.Line + bodyFirstLine;

    /// <summary>The Markdown source of a block.</summary>
    public string SourceOf(Block block) =>
        block.Span.Start >= 0 && block.Span.End < Body.Length && block.Span.Length > 0 ? Body.Substring(block.Span.Start, block.Span.Length) : "";

    public void Warn(Block block, string message) => Diagnostics.Warning(LineOf(block), block.Column + 1, message);

    /// <summary>The location of a front matter field, or of line 1 when it was not written.</summary>
    public SourceLocation LocationOf(string key) => Fields.LocationOf(key, new SourceLocation(Path, 1, 1));

    /// <summary>The blocks under a heading: those after it, up to the next heading of the same or a higher level.</summary>
    public static List<Block> SectionUnder(IReadOnlyList<Block> blocks, HeadingBlock heading)
    {
        var section = new List<Block>();
        var start = IndexOf(blocks, heading);
        for (var i = start + 1; i < blocks.Count; i++)
        {
            if (blocks[i] is HeadingBlock next && next.Level <= heading.Level)
            {
                break;
            }

            section.Add(blocks[i]);
        }

        return section;
    }

    private static int IndexOf(IReadOnlyList<Block> blocks, Block block)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            if (ReferenceEquals(blocks[i], block))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The plain text of a heading.</summary>
    public static string TextOf(HeadingBlock heading) => PlainText.Of(heading.Inline);

    /// <summary>
    /// Reads "**Label:** value" lines (also "**Label**: value", optionally as list items) from Markdown source.
    /// </summary>
    public static IEnumerable<(string Label, string Value)> LabelledLines(string source)
    {
        foreach (var line in source.Split('\n'))
        {
            var match = LabelledLine().Match(line);
            if (match.Success)
            {
                yield return (match.Groups["label"].Value.Trim(), match.Groups["value"].Value.Trim());
            }
        }
    }

    /// <summary>True when every non-blank line of the source is a "**Label:** value" line.</summary>
    public static bool IsAllLabelled(string source) =>
        source.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).All(l => LabelledLine().IsMatch(l));

    [GeneratedRegex(@"^\s*(?:[-*+]\s+)?\*\*(?<label>[^*\n]+?)\s*(?::\s*\*\*|\*\*\s*:)\s*(?<value>.*?)\s*$")]
    private static partial Regex LabelledLine();

    /// <summary>A short description from the first paragraph: up to about 200 characters, cut at a word.</summary>
    public static string? FirstParagraphText(IEnumerable<Block> blocks)
    {
        var paragraph = blocks.OfType<ParagraphBlock>().FirstOrDefault(p => PlainText.Of(p.Inline).Length > 0);
        if (paragraph is null)
        {
            return null;
        }

        var text = PlainText.Of(paragraph.Inline);
        if (text.Length <= 200)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', 200);
        return text[..(cut > 100 ? cut : 200)].TrimEnd(',', ';', ':', '.') + "…";
    }

    /// <summary>
    /// Fills what every entry has from its blocks: HTML, table of contents, word count, reading time, search text, the
    /// headings a link can lead to and the links to other entries.
    /// </summary>
    public void Render(Entry entry, IReadOnlyCollection<Block> blocks, int tocMinLevel = 2)
    {
        var text = PlainText.Of(blocks);
        entry.Html = MarkdownHtml.Render(blocks);
        entry.Toc = MarkdownHtml.TableOfContents(blocks, tocMinLevel, tocMinLevel + 1);
        entry.WordCount = PlainText.CountWords(text);
        entry.ReadingMinutes = PlainText.ReadingMinutes(entry.WordCount);
        entry.SetTasks(TaskProgress.Of(blocks));
        Result.SetSearchText(entry, text);
        foreach (var block in blocks)
        {
            foreach (var heading in block is HeadingBlock h ? [h] : MarkdownWalk.BlocksIn<HeadingBlock>(block))
            {
                if (IdOf(heading) is { } id)
                {
                    entry.Anchors.TryAdd(id, id);
                }
            }

            // Most files link to no other entry: their inlines are not walked again.
            foreach (var link in links.Count == 0 ? [] : MarkdownWalk.InlinesIn<EntryLinkInline>(block))
            {
                if (link.Number >= 0)
                {
                    Result.AddLink(entry, links[link.Number]);
                }
            }
        }
    }

    /// <summary>Makes a heading (the entry's title, a chapter's or a project's heading) lead to the top of the entry's page.</summary>
    public static void AnchorAt(Entry entry, HeadingBlock? heading)
    {
        if (heading is not null && IdOf(heading) is { } id)
        {
            entry.Anchors[id] = "";
        }
    }

    /// <summary>The id Markdig gave a heading, if any.</summary>
    public static string? IdOf(HeadingBlock heading) => heading.GetAttributes().Id is { Length: > 0 } id ? id : null;
}
