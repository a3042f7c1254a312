using Portfolio.Content.Data;
using Portfolio.Content.Text;

namespace Portfolio.Content.Loading;

/// <summary>Where a file sits in the content folder says what it is: programs/, certifications/ and guides/, and bundles with an index.md.</summary>
public static class ContentPaths
{
    /// <summary>The folders the loader knows, by the kind of their documents.</summary>
    public static IReadOnlyDictionary<string, EntryKind> Folders { get; } = new Dictionary<string, EntryKind>(StringComparer.Ordinal)
    {
        ["programs"] = EntryKind.Program,
        ["certifications"] = EntryKind.Certification,
        ["guides"] = EntryKind.Guide,
    };

    /// <summary>True for the file names the loader reads as Markdown.</summary>
    public static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>The folder of badge files.</summary>
    public const string BadgeFolder = "badges";

    /// <summary>The file types a badge comes in: Open Badges JSON, a JWT (JWS), or a picture with the badge baked in.</summary>
    private static readonly string[] BadgeExtensions = [".json", ".jsonld", ".jwt", ".jws", ".png", ".svg"];

    /// <summary>True for a file of badges/ (or a folder in it) that the loader reads as a badge.</summary>
    public static bool IsBadge(string path) =>
        path.StartsWith(BadgeFolder + "/", StringComparison.Ordinal) && BadgeExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The sidecar YAML of a Markdown or badge file: "x.md" has "x.yml" (or "x.yaml") beside it.</summary>
    public static IEnumerable<string> SidecarCandidates(string markdownPath)
    {
        var stem = markdownPath[..markdownPath.LastIndexOf('.')];
        yield return stem + ".yml";
        yield return stem + ".yaml";
    }

    /// <summary>The folder of a path in the content folder, "" at its top.</summary>
    internal static string DirectoryOf(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";

    /// <summary>Classifies a Markdown file by its folder: its kind, slug, parent key, and whether the folder is known.</summary>
    public static (EntryKind Kind, string Slug, string ParentKey, bool KnownFolder) Classify(string path)
    {
        var segments = path.Split('/');
        var file = segments[^1];
        var stem = file[..file.LastIndexOf('.')];
        var isIndex = stem.Equals("index", StringComparison.OrdinalIgnoreCase) || stem.Equals("_index", StringComparison.OrdinalIgnoreCase);

        if (segments.Length < 2 || !Folders.TryGetValue(segments[0], out var kind))
        {
            var pageSlug = isIndex && segments.Length > 1 ? segments[^2] : stem;
            return (EntryKind.Page, Slug.From(pageSlug), "", false);
        }

        if (segments.Length == 2)
        {
            return (kind, Slug.From(stem), "", true);
        }

        // A bundle: programs/<slug>/index.md is the program; its other files are its course notes.
        var bundle = Slug.From(segments[1]);
        if (isIndex && segments.Length == 3)
        {
            return (kind, bundle, "", true);
        }

        var parentKey = Entry.KeyOf(kind, bundle, "");
        var childKind = kind == EntryKind.Program ? EntryKind.CourseNote : EntryKind.Page;
        return (childKind, Slug.From(isIndex ? segments[^2] : stem), parentKey, true);
    }
}
