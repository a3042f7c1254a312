using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Markdown;

/// <summary>
/// Which links and images a body may keep: http, https and mailto, and files of the content folder (served as assets);
/// any other is reported and shown as text.
/// </summary>
internal static partial class LinkPolicy
{
    private static readonly string[] SafeSchemes = ["http", "https", "mailto"];

    /// <summary>Unsafe links become text, relative links are checked against the content folder, external links get rel="noopener noreferrer".</summary>
    public static void Apply(MarkdownDocument document, LinkTargets targets, DiagnosticBag diagnostics, int bodyFirstLine)
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
            var alt = Humanize(PlainText.Of(link));
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
}
