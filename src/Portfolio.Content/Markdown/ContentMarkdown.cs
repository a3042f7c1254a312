using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Markdown;

/// <summary>The one Markdig pipeline of the site: the bodies it refuses, how it parses them, and the passes that make them safe and whole.</summary>
public static class ContentMarkdown
{
    /// <summary>Built once: the builder is not thread-safe, the built pipeline is.</summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseGridTables()
        .UseAutoLinks()
        .UseTaskLists()
        .UseEmphasisExtras()
        .UseFootnotes()
        .UseAlertBlocks()
        .Use<Callouts>()
        .Use<CodeBlocks>()
        .Use<LabelledTaskLists>()
        .UseWikilinks()
        .DisableHtml()
        .Build();

    /// <summary>Deeper than any real document nests: Markdig's time grows with the square of the depth, so deeper files are refused.</summary>
    public const int MaxIndent = 256;

    /// <summary>The same for quotes.</summary>
    public const int MaxQuoteDepth = 64;

    /// <summary>Refuses, at the line, Markdown indented or quoted deeper than a document ever is, before it is parsed.</summary>
    public static bool IsShallowEnough(string body, int bodyFirstLine, DiagnosticBag diagnostics)
    {
        var line = 0;
        foreach (var text in body.AsSpan().EnumerateLines())
        {
            var indent = 0;
            var quotes = 0;
            foreach (var c in text)
            {
                if (c == ' ')
                {
                    indent++;
                }
                else if (c == '\t')
                {
                    indent += 4;
                }
                else if (c == '>')
                {
                    quotes++;
                }
                else
                {
                    break;
                }
            }

            if (indent > MaxIndent || quotes > MaxQuoteDepth)
            {
                diagnostics.Error(bodyFirstLine + line, 1,
                    $"the Markdown is nested too deeply here (more than {MaxIndent} columns of indentation or {MaxQuoteDepth} levels of quotes); flatten it");
                return false;
            }

            line++;
        }

        return true;
    }

    /// <summary>Parses a Markdown body; line numbers in the result are 0-based within the body.</summary>
    public static MarkdownDocument Parse(string body) => Markdig.Markdown.Parse(body, Pipeline);

    /// <summary>
    /// Repairs and secures a parsed body: indented numbered lists become lists, unsafe links become text,
    /// relative links are checked against the content folder, external links get rel="noopener noreferrer".
    /// Returns the links to other entries, by number, for the import to resolve.
    /// </summary>
    internal static List<EntryLinkRequest> Prepare(MarkdownDocument document, LinkTargets targets, DiagnosticBag diagnostics, int bodyFirstLine)
    {
        ListRepair.ReadIndentedListsAsLists(document, diagnostics, bodyFirstLine);
        return LinkPolicy.Apply(document, targets, diagnostics, bodyFirstLine);
    }
}
