using System.Text;
using System.Text.RegularExpressions;

namespace Portfolio.Content.Badges;

/// <summary>
/// A badge's page text as Markdown, rendered by the site's one pipeline like any other body: the criteria and evidence
/// narratives are the issuer's Markdown, every other text the badge holds is escaped.
/// </summary>
internal static partial class BadgeMarkdown
{
    /// <summary>The criteria, the evidence and the alignments of a badge, each under its heading.</summary>
    public static string Compose(BadgeCredential badge)
    {
        var text = new StringBuilder();
        if (badge.CriteriaNarrative is not null || badge.CriteriaUrl is not null)
        {
            text.Append("## Criteria\n\n");
            Narrative(text, badge.CriteriaNarrative, "### ");
            if (badge.CriteriaUrl is { } url)
            {
                text.Append($"[The issuer's page on the criteria]({Destination(url)})\n\n");
            }
        }

        if (badge.Evidence.Count > 0)
        {
            text.Append("## Evidence\n\n");
            var number = 0;
            foreach (var evidence in badge.Evidence)
            {
                number++;
                if (badge.Evidence.Count > 1 || evidence.Name is not null)
                {
                    text.Append("### ").Append(Escape(evidence.Name ?? $"Evidence {number}")).Append("\n\n");
                }

                if (evidence.Genre is { } genre)
                {
                    text.Append('*').Append(Escape(genre)).Append("*\n\n");
                }

                if (evidence.Description is { } description)
                {
                    text.Append(Escape(description)).Append("\n\n");
                }

                Narrative(text, evidence.Narrative, badge.Evidence.Count > 1 || evidence.Name is not null ? "#### " : "### ");
                if (evidence.Url is { } url)
                {
                    text.Append($"[See the evidence]({Destination(url)})\n\n");
                }
            }
        }

        if (badge.Alignments.Count > 0)
        {
            text.Append("## Alignment\n\n");
            foreach (var alignment in badge.Alignments)
            {
                text.Append("- ").Append(alignment.Url is { } url ? $"[{Escape(alignment.Name)}]({Destination(url)})" : Escape(alignment.Name));
                var framework = string.Join(", ", new[] { alignment.Framework, alignment.Code }.OfType<string>().Select(Escape));
                if (framework.Length > 0)
                {
                    text.Append(" (").Append(framework).Append(')');
                }

                if (alignment.Description is { } description)
                {
                    text.Append(": ").Append(Escape(description));
                }

                text.Append('\n');
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The issuer's Markdown, its headings all at the level below the section's (<paramref name="heading"/>).</summary>
    private static void Narrative(StringBuilder text, string? narrative, string heading)
    {
        if (narrative is null)
        {
            return;
        }

        text.Append(Heading().Replace(narrative.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), heading)).Append("\n\n");
    }

    /// <summary>Text shown as written: every ASCII punctuation mark escaped, lines joined.</summary>
    private static string Escape(string text) =>
        Punctuation().Replace(string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), @"\$0");

    /// <summary>A link destination in angle brackets, which may hold anything but a line break or an angle bracket.</summary>
    private static string Destination(string url) => "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal) + ">";

    [GeneratedRegex(@"[!-/:-@\[-`{-~]")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"^ {0,3}#{1,6}(?=[ \t]|$)[ \t]*", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
