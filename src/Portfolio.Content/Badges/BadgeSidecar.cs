using Portfolio.Content.Diagnostics;
using Portfolio.Content.FrontMatter;
using Portfolio.Content.Loading;
using Portfolio.Content.Text;

namespace Portfolio.Content.Badges;

/// <summary>A badge's sidecar YAML file, where the owner sets a title, tags, a slug or a place in the list for the badge.</summary>
internal static class BadgeSidecar
{
    /// <summary>The fields of a badge's sidecar YAML that are read; the badge file gives everything else.</summary>
    private static readonly string[] Fields = ["title", "description", "tags", "slug", "draft", "published", "order"];

    /// <summary>The fields of the badge's sidecar YAML file, if it has one: only a few are read, the others are reported.</summary>
    public static FrontMatterFields Read(ContentFile file, DiagnosticBag sidecarDiagnostics)
    {
        if (file.SidecarBytes is null || SourceText.Decode(file.SidecarBytes, sidecarDiagnostics) is not { } text
            || FrontMatterParser.Parse(text, 1, sidecarDiagnostics) is not { } fields)
        {
            return new FrontMatterFields();
        }

        foreach (var (key, at) in fields.Locations.Where(l => !Fields.Contains(l.Key, StringComparer.Ordinal)))
        {
            sidecarDiagnostics.Warning(at.Line, at.Column, $"'{key}' is not read for a badge: its sidecar may set {string.Join(", ", Fields.Take(5))}; the badge file gives the rest");
        }

        return fields;
    }
}
