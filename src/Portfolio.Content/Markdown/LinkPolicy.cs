using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Markdown;

/// <summary>
/// Which links and images a body may keep: http, https and mailto, files of the content folder (served as assets), and
/// links to other entries (Markdown files, badge files, folders and wikilinks, resolved by the import); any other is
/// reported and shown as text.
/// </summary>
internal static partial class LinkPolicy
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>
    /// Unsafe links become text, relative links are checked against the content folder, external links get
    /// rel="noopener noreferrer"; links to other entries are numbered in document order and returned, by number.
    /// </summary>
    public static List<EntryLinkRequest> Apply(MarkdownDocument document, LinkTargets targets, DiagnosticBag diagnostics, int bodyFirstLine)
    {
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

        var requests = new List<EntryLinkRequest>();
        foreach (var link in MarkdownWalk.InlinesIn<EntryLinkInline>(document))
        {
            // A link inside another link's text (a wikilink in a link) would nest one link in another: it stays text.
            if (IsInsideLink(link))
            {
                MoveChildrenOut(link);
                continue;
            }

            link.Number = requests.Count;
            requests.Add(new EntryLinkRequest(link.Number, link.Line + bodyFirstLine, link.Column + 1, link.Written, link.Target, link.IsWikilink, link.Fragment));
        }

        return requests;
    }

    private static bool IsInsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline or EntryLinkInline)
            {
                return true;
            }
        }

        return false;
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
        else if (!link.IsImage && (ContentPaths.IsMarkdown(target) || ContentPaths.IsBadge(target) || (!targets.Exists(target) && IsFolder(pathPart))))
        {
            // Whether the file is there, and which entry it holds, is known once the whole folder is loaded.
            var heading = fragment.StartsWith('#') && fragment.Length > 1 ? Uri.UnescapeDataString(fragment[1..]) : null;
            var entryLink = new EntryLinkInline { Written = url, Target = target, Fragment = heading, Line = link.Line, Column = link.Column, Span = link.Span };
            MoveChildren(link, entryLink);
            link.ReplaceBy(entryLink, copyChildren: false);
        }
        else if (!targets.Exists(target))
        {
            Warn(diagnostics, link, bodyFirstLine, $"{what} '{Shorten(url)}' not found: there is no file content/{target}; it is shown as text");
            Unlink(link);
        }
        else
        {
            link.Url = targets.AssetBaseUrl + string.Join('/', target.Split('/').Select(Uri.EscapeDataString)) + fragment;
        }
    }

    /// <summary>A path that ends in '/', or whose last part has no extension, names a folder (a bundle, or one with an index.md).</summary>
    private static bool IsFolder(string path)
    {
        var trimmed = path.TrimEnd('/');
        return trimmed.Length < path.Length || !trimmed[(trimmed.LastIndexOf('/') + 1)..].Contains('.', StringComparison.Ordinal);
    }

    private static void MoveChildren(ContainerInline from, ContainerInline to)
    {
        var child = from.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            to.AppendChild(child);
            child = next;
        }
    }

    /// <summary>Puts a container's children in its place.</summary>
    private static void MoveChildrenOut(ContainerInline container)
    {
        var child = container.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            container.InsertBefore(child);
            child = next;
        }

        container.Remove();
    }

    /// <summary>A missing image shows its description instead of a broken picture; a dead link keeps its text.</summary>
    private static void Unlink(LinkInline link)
    {
        if (link.IsImage)
        {
            var alt = Humanize(PlainText.Of(link));
            var label = alt.Length > 0 ? $"Image not available: {alt}" : "Image not available";
            link.ReplaceBy(new HtmlInline($"<span class=\"image-missing\">{System.Net.WebUtility.HtmlEncode(label)}</span>"), copyChildren: false);
            return;
        }

        MoveChildrenOut(link);
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
}
