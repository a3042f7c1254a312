using System.Collections.Frozen;
using Markdig.Extensions.Alerts;
using Markdig.Helpers;
using Markdig.Renderers;

namespace Portfolio.Content.Markdown;

/// <summary>
/// How a callout of each type looks: one of GitHub's five (note, tip, important, warning, caution), with its label and
/// Markdig's icon for it. Obsidian's other types take the look closest in meaning; a type nobody defines looks like a note.
/// </summary>
internal static class CalloutKinds
{
    /// <summary>GitHub's five looks, each with the label a reader sees and a screen reader announces.</summary>
    private static readonly FrozenDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["note"] = "Note", ["tip"] = "Tip", ["important"] = "Important", ["warning"] = "Warning", ["caution"] = "Caution",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Obsidian's types that are not GitHub's, by the look closest in meaning.</summary>
    private static readonly FrozenDictionary<string, string> Looks = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["hint"] = "tip", ["success"] = "tip", ["check"] = "tip", ["done"] = "tip",
        ["attention"] = "warning",
        ["danger"] = "caution", ["error"] = "caution", ["failure"] = "caution", ["fail"] = "caution", ["missing"] = "caution", ["bug"] = "caution",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Markdig's icon of each look, taken once from its own alert renderer rather than copied.</summary>
    private static readonly FrozenDictionary<string, string> Icons =
        Labels.Keys.ToFrozenDictionary(look => look, IconFromMarkdig, StringComparer.Ordinal);

    /// <summary>The look of a callout type: one of note, tip, important, warning or caution.</summary>
    public static string LookOf(string kind) =>
        Labels.ContainsKey(kind) ? kind.ToLowerInvariant() : Looks.GetValueOrDefault(kind, "note");

    /// <summary>What the callout is called: GitHub's word for its five types, else the type as written, capitalised.</summary>
    public static string LabelOf(string kind) =>
        Labels.TryGetValue(kind, out var label) ? label : char.ToUpperInvariant(kind[0]) + kind[1..].ToLowerInvariant();

    /// <summary>The icon's SVG (hidden from screen readers: the label says it), or "" if Markdig has none.</summary>
    public static string IconOf(string look) => Icons.GetValueOrDefault(look, "");

    private static string IconFromMarkdig(string look)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        AlertBlockRenderer.DefaultRenderKind(new HtmlRenderer(writer), new StringSlice(look.ToUpperInvariant()));
        var html = writer.ToString();
        var start = html.IndexOf("<svg", StringComparison.Ordinal);
        var end = html.IndexOf("</svg>", StringComparison.Ordinal);
        return start >= 0 && end > start ? html[start..(end + "</svg>".Length)] : "";
    }
}
