using System.Text.RegularExpressions;
using Markdig.Syntax;
using Portfolio.Content.Data;
using Portfolio.Content.Text;

namespace Portfolio.Content.Extraction;

/// <summary>Finds a program's capstone projects: each "### Project N: Title" under a "Capstone Projects" heading, with its four fields.</summary>
internal static partial class CapstoneExtractor
{
    private static readonly string[] Fields = ["Objective", "Implementation", "Technologies", "Outcome"];

    /// <summary>Adds the capstones as children of the program; returns the blocks of the section they came from.</summary>
    public static List<Block> Extract(DocumentContext context, Entry program)
    {
        var section = context.Blocks.OfType<HeadingBlock>()
            .FirstOrDefault(h => h.Level <= 2 && CapstoneHeading().IsMatch(DocumentContext.TextOf(h)));
        if (section is null)
        {
            return [];
        }

        var blocks = DocumentContext.SectionUnder(context.Blocks, section);
        var projectHeadings = blocks.OfType<HeadingBlock>().Where(h => h.Level == section.Level + 1).ToList();
        var order = 0;
        foreach (var heading in projectHeadings)
        {
            var text = DocumentContext.TextOf(heading);
            if (text.Length == 0)
            {
                context.Warn(heading, "this capstone heading is empty and is skipped; give the project a title");
                continue;
            }

            var match = ProjectHeading().Match(text);
            var number = match.Groups["n"].Success ? int.Parse(match.Groups["n"].Value) : order + 1;
            var title = match.Success ? match.Groups["title"].Value.Trim() : text;
            var body = DocumentContext.SectionUnder(blocks, heading);

            var details = new CapstoneDetails();
            var facts = new Dictionary<string, string>();
            foreach (var (label, value) in body.SelectMany(b => DocumentContext.LabelledLines(context.SourceOf(b))))
            {
                switch (label.ToLowerInvariant())
                {
                    case "objective" or "goal": details.Objective = value; break;
                    case "implementation" or "approach": details.Implementation = value; break;
                    case "technologies" or "technology" or "tech stack" or "stack" or "tools": details.Technologies = value; break;
                    case "outcome" or "outcomes" or "result" or "results": details.Outcome = value; break;
                    default: facts[label] = value; break;
                }
            }

            var missing = Fields.Where(f => typeof(CapstoneDetails).GetProperty(f)!.GetValue(details) is null).ToList();
            if (missing.Count > 0)
            {
                context.Warn(heading, $"capstone '{title}' has no {string.Join(", ", missing)}; expected list items like '- **{missing[0]}:** …'");
            }

            var capstone = new Entry
            {
                Kind = EntryKind.Capstone,
                Slug = Slug.From(title),
                ParentKey = program.Key,
                Parent = program,
                Title = title,
                Label = $"Project {number}",
                Number = number,
                Order = order++,
                Description = details.Objective,
                DescriptionIsExcerpt = true,
                Date = program.Date,
                IsDraft = program.IsDraft,
                SourcePath = context.Path,
                SourceLine = context.LineOf(heading),
                Capstone = details,
                Facts = facts,
            };
            capstone.UpdateKey();
            context.Render(capstone, body);
            DocumentContext.AnchorAt(capstone, heading);
            program.Children.Add(capstone);
            context.Result.Add(capstone, SplitList(details.Technologies));
        }

        return projectHeadings.Count == 0 ? [] : [section, .. blocks];
    }

    /// <summary>"CNN models, Docker containers" is two technologies.</summary>
    public static IEnumerable<string> SplitList(string? text) =>
        (text ?? "").Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.TrimEnd('.'))
            .Where(t => t.Length > 0);

    [GeneratedRegex(@"\bcapstones?\b", RegexOptions.IgnoreCase)]
    private static partial Regex CapstoneHeading();

    [GeneratedRegex(@"^(?:project|capstone)\s+(?<n>\d+)\s*[:.\-–—]\s*(?<title>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ProjectHeading();
}
