using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Portfolio.Content.Data;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Extraction;

/// <summary>Turns the lists under headings into topic rows: the lessons and case studies of course notes, a roadmap, competencies.</summary>
internal static class TopicExtractor
{
    /// <summary>Every list under every heading of the blocks (except the skipped title heading) becomes topics of its section.</summary>
    public static List<Topic> FromSections(IEnumerable<Block> blocks, HeadingBlock? skip = null, string? defaultSection = null)
    {
        var topics = new List<Topic>();
        HeadingBlock? current = null;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock heading when !ReferenceEquals(heading, skip):
                    current = heading;
                    break;
                case ListBlock list when current is not null || defaultSection is not null:
                    var section = current is null ? defaultSection! : DocumentContext.TextOf(current);
                    AddItems(topics, list, section, current?.GetAttributes().Id, depth: 0);
                    break;
            }
        }

        return topics;
    }

    /// <summary>The areas under a "Key Competencies" (or "Skills", "Domains") heading, each with its items, and the blocks they came from.</summary>
    public static (List<Topic> Topics, List<Block> Blocks) Competencies(DocumentContext context)
    {
        var heading = context.Blocks.OfType<HeadingBlock>()
            .FirstOrDefault(h => Regex.IsMatch(DocumentContext.TextOf(h), @"\b(competenc|skills|domains)", RegexOptions.IgnoreCase));
        if (heading is null)
        {
            return ([], []);
        }

        var section = DocumentContext.SectionUnder(context.Blocks, heading);
        var topics = FromSections(section, defaultSection: DocumentContext.TextOf(heading));
        return (topics, topics.Count == 0 ? [] : [heading, .. section]);
    }

    private static void AddItems(List<Topic> topics, ListBlock list, string section, string? sectionId, int depth)
    {
        var index = 0;
        var start = list.IsOrdered && int.TryParse(list.OrderedStart, out var first) ? first : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var text = item.OfType<ParagraphBlock>().Select(p => PlainText.Of(p.Inline)).FirstOrDefault(t => t.Length > 0);
            if (text is not null)
            {
                var (title, detail) = SplitTitle(text);
                topics.Add(new Topic
                {
                    Section = section,
                    SectionId = sectionId,
                    Order = topics.Count,
                    Depth = depth,
                    Number = list.IsOrdered ? start + index : null,
                    Title = title,
                    Detail = detail,
                });
            }

            index++;
            foreach (var nested in item.OfType<ListBlock>())
            {
                AddItems(topics, nested, section, sectionId, depth + 1);
            }
        }
    }

    /// <summary>
    /// "Introduction to Deployment. Quick intro of …" is a title and its detail; "**SageMaker:** Model training" too: a
    /// title of 3 to 80 characters up to the first '.' or ':', then white space, then the detail. The text is a list
    /// item's plain text, its white space collapsed to single spaces. This is the regular expression
    /// <c>^(?&lt;title&gt;[^.:]{3,80}?)[.:]\s+(?&lt;detail&gt;\S.*)$</c> written out, without a match and its groups for
    /// every item of every list (a test holds the two to the same answers).
    /// </summary>
    internal static (string Title, string? Detail) SplitTitle(string text)
    {
        var end = text.AsSpan().IndexOfAny('.', ':');
        if (end is < 3 or > 80)
        {
            return (text, null);
        }

        var detail = end + 1;
        while (detail < text.Length && char.IsWhiteSpace(text[detail]))
        {
            detail++;
        }

        return detail == end + 1 || detail == text.Length ? (text, null) : (text[..end], text[detail..]);
    }
}
