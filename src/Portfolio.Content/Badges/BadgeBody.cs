using Markdig.Syntax;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Badges;

/// <summary>A badge page's text: its criteria, evidence and alignments, rendered by the site's one Markdown pipeline.</summary>
internal static class BadgeBody
{
    /// <summary>The page text: the criteria, evidence and alignments, rendered as any body is, with their links resolved by the import.</summary>
    public static void Render(LoadedDocument result, Entry entry, BadgeCredential badge, string? issuer, string path, Func<string, bool> exists, DiagnosticBag diagnostics)
    {
        var markdown = BadgeMarkdown.Compose(badge);
        var bag = new DiagnosticBag(path);
        if (!ContentMarkdown.IsShallowEnough(markdown, 1, bag))
        {
            diagnostics.Warning(entry.SourceLine, 1, "the badge's criteria or evidence are nested too deeply to show; they are left out");
            markdown = "";
        }

        var document = ContentMarkdown.Parse(markdown);
        var links = ContentMarkdown.Prepare(document, new LinkTargets(path.Contains('/') ? path[..path.LastIndexOf('/')] : "", exists), bag, 1);
        foreach (var problem in bag.Items)
        {
            diagnostics.Warning(entry.SourceLine, 1, "in the badge's criteria or evidence: " + problem.Message);
        }

        var blocks = document.ToList();
        var text = PlainText.Of(blocks);
        entry.Html = MarkdownHtml.Render(blocks);
        entry.Toc = MarkdownHtml.TableOfContents(blocks, 2, 2);
        entry.WordCount = PlainText.CountWords(text);
        entry.ReadingMinutes = PlainText.ReadingMinutes(entry.WordCount);
        result.SetSearchText(entry, string.Join('\n', new[] { issuer, badge.AchievementType, text }.OfType<string>()));
        foreach (var link in links.Count == 0 ? [] : MarkdownWalk.InlinesIn<EntryLinkInline>(document))
        {
            if (link.Number >= 0)
            {
                result.AddLink(entry, links[link.Number]);
            }
        }

        foreach (var heading in MarkdownWalk.BlocksIn<HeadingBlock>(document))
        {
            if (Extraction.DocumentContext.IdOf(heading) is { } id)
            {
                entry.Anchors.TryAdd(id, id);
            }
        }
    }
}
