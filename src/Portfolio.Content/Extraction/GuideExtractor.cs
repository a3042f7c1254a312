using System.Text.RegularExpressions;
using Markdig.Syntax;
using Portfolio.Content.Data;
using Portfolio.Content.Text;

namespace Portfolio.Content.Extraction;

/// <summary>
/// Splits a guide into its chapters at its top-level headings: an introduction, parts ("Part I") that group the
/// modules that follow them, and modules ("Module 1"), in book order.
/// </summary>
internal static partial class GuideExtractor
{
    private static readonly string[] NumberWords =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    /// <summary>Adds the guide's parts and modules as children of the guide; returns the blocks that are the guide's own text.</summary>
    public static List<Block> Extract(DocumentContext context, Entry guide, HeadingBlock? titleHeading)
    {
        var blocks = context.Blocks;
        var chapterLevel = titleHeading?.Level ?? blocks.OfType<HeadingBlock>().Select(h => h.Level).DefaultIfEmpty(1).Min();
        var chapters = blocks.OfType<HeadingBlock>()
            .Where(h => h.Level == chapterLevel && !ReferenceEquals(h, titleHeading))
            .ToList();

        var own = new List<Block>();
        var firstChapter = chapters.Count > 0 ? blocks.ToList().IndexOf(chapters[0]) : blocks.Count;
        own.AddRange(blocks.Take(firstChapter).Where(b => !ReferenceEquals(b, titleHeading) && b is not ThematicBreakBlock));
        // A subtitle right under the title ("Your Guide to the MLA-C01 Certification") describes the guide.
        if (own.FirstOrDefault() is HeadingBlock subtitle && subtitle.Level == chapterLevel + 1)
        {
            guide.Description ??= DocumentContext.TextOf(subtitle);
            own.Remove(subtitle);
        }

        Entry? part = null;
        var order = 0;
        var lastNumber = 0;
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in chapters)
        {
            var section = DocumentContext.SectionUnder(blocks, heading);
            TrimBreaks(section);
            if (ReferenceEquals(heading, chapters[^1]))
            {
                own.AddRange(Afterword(section));
            }

            var text = DocumentContext.TextOf(heading);
            if (text.Length == 0)
            {
                context.Warn(heading, "this heading is empty, so its chapter is called 'Untitled chapter'; give it a title");
                text = "Untitled chapter";
            }

            var entry = new Entry
            {
                Kind = EntryKind.GuideModule,
                Slug = "",
                ParentKey = guide.Key,
                Parent = guide,
                Title = text,
                Order = order++,
                Date = guide.Date,
                IsDraft = guide.IsDraft,
                SourcePath = context.Path,
                SourceLine = context.LineOf(heading),
            };

            if (PartHeading().Match(text) is { Success: true } partMatch)
            {
                entry.Kind = EntryKind.GuidePart;
                entry.Number = ParseNumber(partMatch.Groups["n"].Value);
                entry.Label = $"Part {partMatch.Groups["n"].Value}";
                entry.Title = NonEmpty(partMatch.Groups["title"].Value, entry.Label);
                entry.Slug = $"part-{Slug.From(partMatch.Groups["n"].Value)}";
                if (section.FirstOrDefault() is HeadingBlock partSubtitle && partSubtitle.Level == chapterLevel + 1)
                {
                    entry.Description = DocumentContext.TextOf(partSubtitle);
                    section.RemoveAt(0);
                    TrimBreaks(section);
                }

                part = entry;
            }
            else if (ModuleHeading().Match(text) is { Success: true } moduleMatch)
            {
                var number = int.Parse(moduleMatch.Groups["n"].Value);
                if (number <= lastNumber)
                {
                    context.Warn(heading, $"Module {number} comes after Module {lastNumber}; modules are kept in the order they are written");
                }

                lastNumber = number;
                entry.Number = number;
                entry.Label = $"Module {number}";
                entry.Title = NonEmpty(moduleMatch.Groups["title"].Value, entry.Label);
                entry.Slug = $"module-{number}";
                entry.Part = part;
            }
            else
            {
                // An unnumbered chapter: "Introduction: Welcome to …" is labelled "Introduction".
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                entry.Label = colon > 0 ? text[..colon].Trim() : null;
                entry.Title = colon > 0 ? NonEmpty(text[(colon + 1)..], text) : text;
                entry.Slug = Slug.From(entry.Label ?? text);
                entry.Part = part;
            }

            if (entry.Slug.Length == 0 || !slugs.Add(entry.Slug))
            {
                var unique = UniqueSlug(slugs, entry.Slug.Length == 0 ? "chapter" : entry.Slug);
                context.Warn(heading, $"the chapter '{text}' would have the slug '{entry.Slug}' of an earlier chapter; it is served as '{unique}'");
                entry.Slug = unique;
            }

            entry.UpdateKey();
            if (entry.Description is null)
            {
                entry.Description = DocumentContext.FirstParagraphText(section);
                entry.DescriptionIsExcerpt = true;
            }

            context.Render(entry, section, chapterLevel + 1);
            DocumentContext.AnchorAt(entry, heading);
            guide.Children.Add(entry);
            // Modules carry the guide's tags so that a tag page lists them; parts only group them.
            context.Result.Add(entry, entry.Kind == EntryKind.GuidePart ? [] : context.Result.TagNamesOf(guide));
        }

        guide.PlannedModules = context.Fields.PlannedModules ?? PlannedModules(context.Body);
        return own;
    }

    private static string UniqueSlug(HashSet<string> slugs, string slug)
    {
        var n = 2;
        while (!slugs.Add($"{slug}-{n}"))
        {
            n++;
        }

        return $"{slug}-{n}";
    }

    private static string NonEmpty(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();

    private static void TrimBreaks(List<Block> section)
    {
        while (section.Count > 0 && section[0] is ThematicBreakBlock)
        {
            section.RemoveAt(0);
        }

        while (section.Count > 0 && section[^1] is ThematicBreakBlock)
        {
            section.RemoveAt(section.Count - 1);
        }
    }

    /// <summary>
    /// Text after the last thematic break of the last chapter, with no heading of its own, speaks about the whole guide
    /// ("This … continues through all 12 modules"), so it moves to the guide's page.
    /// </summary>
    private static List<Block> Afterword(List<Block> section)
    {
        var lastBreak = section.FindLastIndex(b => b is ThematicBreakBlock);
        if (lastBreak < 0 || section.Skip(lastBreak + 1).Any(b => b is HeadingBlock))
        {
            return [];
        }

        var afterword = section.Skip(lastBreak + 1).ToList();
        section.RemoveRange(lastBreak, section.Count - lastBreak);
        TrimBreaks(section);
        return afterword;
    }

    /// <summary>How many modules the guide says it will have ("the next twelve modules", "all 12 modules").</summary>
    private static int? PlannedModules(string body)
    {
        // Found from each "modules" rather than by one regex over the whole text, which tried a number at every position.
        const string Word = "modules";
        int? planned = null;
        for (var at = body.IndexOf(Word, StringComparison.OrdinalIgnoreCase); at >= 0; at = body.IndexOf(Word, at + Word.Length, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + Word.Length;
            if (end < body.Length && (char.IsLetterOrDigit(body[end]) || body[end] == '_'))
            {
                continue;
            }

            var start = Math.Max(0, at - 48);
            var match = ModuleCount().Match(body, start, at - start);
            if (!match.Success || (match.Index > 0 && (char.IsLetterOrDigit(body[match.Index - 1]) || body[match.Index - 1] == '_')))
            {
                continue;
            }

            var word = match.Groups["n"].Value.ToLowerInvariant();
            var n = int.TryParse(word, out var digits) ? digits : Array.IndexOf(NumberWords, word);
            if (n > 0)
            {
                planned = Math.Max(planned ?? 0, n);
            }
        }

        return planned;
    }

    private static int ParseNumber(string text)
    {
        if (int.TryParse(text, out var number))
        {
            return number;
        }

        // Roman numerals, as parts are numbered in books.
        var values = new Dictionary<char, int> { ['I'] = 1, ['V'] = 5, ['X'] = 10, ['L'] = 50, ['C'] = 100 };
        var total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var value = values[char.ToUpperInvariant(text[i])];
            total += i + 1 < text.Length && values[char.ToUpperInvariant(text[i + 1])] > value ? -value : value;
        }

        return total;
    }

    [GeneratedRegex(@"^Part\s+(?<n>[IVXLC]+|\d+)\b\s*[:.\-–—]?\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex PartHeading();

    [GeneratedRegex(@"^(?:Module|Chapter)\s+(?<n>\d{1,4})\b\s*[:.\-–—]?\s*(?<title>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ModuleHeading();

    /// <summary>A number just before the word "modules": matched in the text that ends where the word starts.</summary>
    [GeneratedRegex(@"\b(?<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+\z", RegexOptions.IgnoreCase)]
    private static partial Regex ModuleCount();
}
