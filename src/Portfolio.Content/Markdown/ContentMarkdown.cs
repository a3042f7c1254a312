using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Markdown;

/// <summary>The one Markdig pipeline of the site, and the passes that make the owner's Markdown safe and whole.</summary>
public static partial class ContentMarkdown
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
        .DisableHtml()
        .Build();

    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

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

    /// <summary>Renders Markdown to HTML with the site's pipeline and no link checks (for short texts such as a capstone field).</summary>
    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(markdown, Pipeline);

    /// <summary>
    /// Repairs and secures a parsed body: indented numbered lists become lists, unsafe links become text,
    /// relative links are checked against the content folder, external links get rel="noopener noreferrer".
    /// </summary>
    public static void Prepare(MarkdownDocument document, LinkTargets targets, DiagnosticBag diagnostics, int bodyFirstLine)
    {
        ReadIndentedListsAsLists(document, diagnostics, bodyFirstLine);
        foreach (var autolink in MarkdownWalk.InlinesIn<AutolinkInline>(document))
        {
            if (!autolink.IsEmail && !HasSafeScheme(autolink.Url))
            {
                Warn(diagnostics, autolink, bodyFirstLine, $"link to '{Shorten(autolink.Url)}' removed; only http, https and mailto links are allowed");
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
            }
            else if (!autolink.IsEmail)
            {
                autolink.GetAttributes().AddProperty("rel", "noopener noreferrer");
            }
        }

        foreach (var link in MarkdownWalk.InlinesIn<LinkInline>(document))
        {
            CheckLink(link, targets, diagnostics, bodyFirstLine);
        }
    }

    private static void CheckLink(LinkInline link, LinkTargets targets, DiagnosticBag diagnostics, int bodyFirstLine)
    {
        var url = link.GetDynamicUrl?.Invoke() ?? link.Url ?? "";
        var what = link.IsImage ? "image" : "link";
        if (url.Length == 0 || url.StartsWith('#'))
        {
            return;
        }

        if (SchemeOf(url) is { } scheme)
        {
            if (SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase) && !(link.IsImage && scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase)))
            {
                if (!link.IsImage)
                {
                    link.GetAttributes().AddProperty("rel", "noopener noreferrer");
                }

                return;
            }

            Warn(diagnostics, link, bodyFirstLine, $"{what} to '{Shorten(url)}' removed; only http, https and mailto links are allowed");
            Unlink(link);
            return;
        }

        if (url.StartsWith("//", StringComparison.Ordinal))
        {
            link.GetAttributes().AddProperty("rel", "noopener noreferrer");
            return;
        }

        if (url.StartsWith('/'))
        {
            return;
        }

        var pathPart = url.Split('#', '?')[0];
        var fragment = url[pathPart.Length..];
        var target = Resolve(targets.Directory, Uri.UnescapeDataString(pathPart));
        if (target is null)
        {
            Warn(diagnostics, link, bodyFirstLine, $"{what} '{Shorten(url)}' points outside the content folder; it is shown as text");
            Unlink(link);
        }
        else if (!targets.Exists(target))
        {
            Warn(diagnostics, link, bodyFirstLine, $"{what} '{Shorten(url)}' not found: there is no file content/{target}; it is shown as text");
            Unlink(link);
        }
        else if (target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            Warn(diagnostics, link, bodyFirstLine, $"link '{Shorten(url)}' points at another Markdown file; links between entries are not resolved yet, so it is shown as text");
            Unlink(link);
        }
        else
        {
            link.Url = targets.AssetBaseUrl + string.Join('/', target.Split('/').Select(Uri.EscapeDataString)) + fragment;
        }
    }

    /// <summary>A missing image shows its description instead of a broken picture; a dead link keeps its text.</summary>
    private static void Unlink(LinkInline link)
    {
        if (link.IsImage)
        {
            var alt = Humanize(PlainText(link));
            var label = alt.Length > 0 ? $"Image not available: {alt}" : "Image not available";
            link.ReplaceBy(new HtmlInline($"<span class=\"image-missing\">{System.Net.WebUtility.HtmlEncode(label)}</span>"), copyChildren: false);
            return;
        }

        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    /// <summary>Joins a relative path to a folder; null when it climbs out of the content folder.</summary>
    internal static string? Resolve(string directory, string relative)
    {
        var parts = new List<string>();
        foreach (var part in (directory + "/" + relative.Replace('\\', '/')).Split('/'))
        {
            switch (part)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }

                    parts.RemoveAt(parts.Count - 1);
                    continue;
                default:
                    parts.Add(part);
                    continue;
            }
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    private static string? SchemeOf(string url)
    {
        var match = SchemePattern().Match(url);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static bool HasSafeScheme(string url) =>
        SchemeOf(url) is { } scheme && SafeSchemes.Contains(scheme, StringComparer.OrdinalIgnoreCase);

    // A scheme is letters then ':'; browsers ignore leading spaces and control characters, so do we.
    [GeneratedRegex(@"^[\s\x00-\x1f]*([A-Za-z][A-Za-z0-9+.\-]*)\s*:")]
    private static partial Regex SchemePattern();

    private static void Warn(DiagnosticBag diagnostics, Inline inline, int bodyFirstLine, string message) =>
        diagnostics.Warning(inline.Line + bodyFirstLine, inline.Column + 1, message);

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";

    private static string Humanize(string alt) => alt.Replace('_', ' ').Trim();

    /// <summary>
    /// An indented block whose every line starts a list item is a list the author indented, not code:
    /// read it as a list and say so.
    /// </summary>
    private static void ReadIndentedListsAsLists(MarkdownDocument document, DiagnosticBag diagnostics, int bodyFirstLine)
    {
        foreach (var code in MarkdownWalk.BlocksIn<CodeBlock>(document).Where(c => c is not FencedCodeBlock))
        {
            var lines = code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString()).ToList();
            if (!lines.Where(l => !string.IsNullOrWhiteSpace(l)).All(l => ListItemLine().IsMatch(l)) || code.Parent is not { } parent)
            {
                continue;
            }

            var list = Parse(string.Join('\n', lines));
            var index = parent.IndexOf(code);
            parent.RemoveAt(index);
            while (list.Count > 0)
            {
                var block = list[0];
                list.RemoveAt(0);
                ShiftLines(block, code.Line);
                parent.Insert(index++, block);
            }

            diagnostics.Warning(code.Line + bodyFirstLine, code.Column + 1,
                "an indented list is read as a list, not as code; remove the indentation to make this explicit");
        }
    }

    private static void ShiftLines(Block block, int by)
    {
        block.Line += by;
        foreach (var child in block.Descendants())
        {
            child.Line += by;
        }
    }

    [GeneratedRegex(@"^\s{0,3}(?:\d{1,9}[.)]|[-*+])\s+\S")]
    private static partial Regex ListItemLine();

    /// <summary>Renders blocks of a parsed document to HTML.</summary>
    public static string RenderHtml(IEnumerable<Block> blocks)
    {
        // One renderer a thread, reset between uses as Markdig's own cache does: setting one up (its renderers for every
        // kind of block and inline, its writer) cost as much as a short page's rendering.
        var renderer = t_renderer ??= NewRenderer();
        var text = ((StringWriter)renderer.Writer).GetStringBuilder();
        renderer.Restart();
        foreach (var block in blocks)
        {
            renderer.Render(block);
        }

        renderer.Writer.Flush();
        return TextOf(text, ref t_renderer);
    }

    /// <summary>
    /// The text of a builder kept by the thread for the next page; a builder grown past a megabyte (a page far longer
    /// than usual) is let go with what holds it, rather than kept alive on the thread.
    /// </summary>
    private static string TextOf<T>(StringBuilder builder, ref T? holder)
        where T : class
    {
        var text = builder.ToString();
        if (builder.Capacity > 1024 * 1024)
        {
            holder = null;
        }

        return text;
    }

    [ThreadStatic]
    private static ReusableHtmlRenderer? t_renderer;

    private static ReusableHtmlRenderer NewRenderer()
    {
        var renderer = new ReusableHtmlRenderer();
        Pipeline.Setup(renderer);
        return renderer;
    }

    /// <summary>An HTML renderer into a string, that can start again as if new.</summary>
    private sealed class ReusableHtmlRenderer() : HtmlRenderer(new StringWriter(System.Globalization.CultureInfo.InvariantCulture))
    {
        public void Restart() => Reset();
    }

    /// <summary>The headings among the blocks, from <paramref name="minLevel"/> to <paramref name="maxLevel"/>, for a table of contents.</summary>
    public static List<TocItem> TableOfContents(IEnumerable<Block> blocks, int minLevel = 2, int maxLevel = 3) =>
        blocks.SelectMany(b => b is HeadingBlock h ? [h] : MarkdownWalk.BlocksIn<HeadingBlock>(b))
            .Where(h => h.Level >= minLevel && h.Level <= maxLevel && h.GetAttributes().Id is { Length: > 0 })
            .Select(h => new TocItem(h.Level, h.GetAttributes().Id!, PlainText(h.Inline)))
            .ToList();

    /// <summary>The text of blocks without markup, a line a block, code included: what is read, counted and searched.</summary>
    public static string PlainText(IEnumerable<Block> blocks)
    {
        // One builder for the whole text, kept by the thread for the next page; each block's inline text is gathered in
        // a scratch builder and collapsed into it. The first version built three strings a paragraph and allocated ten
        // times the size of the text; a new builder a page still allocated its growing chunks, twice the text again.
        var builder = t_text ??= new StringBuilder(16 * 1024);
        builder.Clear();
        foreach (var block in blocks)
        {
            AppendBlockText(block, builder);
        }

        return TextOf(builder, ref t_text);
    }

    [ThreadStatic]
    private static StringBuilder? t_text;

    private static void AppendBlockText(Block block, StringBuilder builder)
    {
        switch (block)
        {
            case CodeBlock code:
                // As StringLineGroup.ToString writes it: the lines joined by '\n'.
                for (var i = 0; i < code.Lines.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append('\n');
                    }

                    builder.Append(code.Lines.Lines[i].Slice.AsSpan());
                }

                builder.AppendLine();
                break;
            case LeafBlock leaf:
                if (leaf.Inline is { } inline)
                {
                    var scratch = Scratch();
                    AppendText(inline, scratch);
                    CollapseWhitespace(scratch, builder);
                }

                builder.AppendLine();
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlockText(child, builder);
                }

                break;
        }
    }

    [ThreadStatic]
    private static StringBuilder? t_scratch;

    /// <summary>A cleared builder for gathering one block's text, one per thread and reused.</summary>
    private static StringBuilder Scratch()
    {
        var scratch = t_scratch ??= new StringBuilder(1024);
        scratch.Clear();
        return scratch;
    }

    /// <summary>Counts words: runs of characters that hold a letter or digit, in text and code alike.</summary>
    public static int CountWords(IEnumerable<Block> blocks) => CountWords(PlainText(blocks));

    /// <summary>Counts the words of a text.</summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        var hasLetter = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                count += inWord && hasLetter ? 1 : 0;
                inWord = hasLetter = false;
            }
            else
            {
                inWord = true;
                hasLetter |= char.IsLetterOrDigit(c);
            }
        }

        return count + (inWord && hasLetter ? 1 : 0);
    }

    /// <summary>The text of inlines without their markup; line breaks become spaces.</summary>
    public static string PlainText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var scratch = Scratch();
        AppendText(inline, scratch);
        var result = t_collapsed ??= new StringBuilder(1024);
        result.Clear();
        CollapseWhitespace(scratch, result);
        return TextOf(result, ref t_collapsed);
    }

    [ThreadStatic]
    private static StringBuilder? t_collapsed;

    /// <summary>Appends the text with runs of whitespace as one space, none at either end.</summary>
    private static void CollapseWhitespace(StringBuilder text, StringBuilder into)
    {
        var space = false;
        var any = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = any;
                }
                else
                {
                    if (space)
                    {
                        into.Append(' ');
                        space = false;
                    }

                    into.Append(c);
                    any = true;
                }
            }
        }
    }

    private static void AppendText(Inline inline, StringBuilder builder)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    AppendText(child, builder);
                }

                break;
        }
    }

    /// <summary>The reading time at 220 words a minute, at least one minute.</summary>
    public static int ReadingMinutes(int words) => Math.Max(1, (int)Math.Ceiling(words / 220.0));
}
