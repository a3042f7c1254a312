using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Import;

/// <summary>The files of a content folder, sorted by path: Markdown documents, their sidecars, the tag file, and assets.</summary>
public sealed class ContentFolder
{
    private readonly HashSet<string> _all = new(StringComparer.Ordinal);
    private readonly Lazy<Badges.BadgeFolder> _badgeJson;
    private readonly Lazy<string> _badgeJsonStamp;

    private ContentFolder()
    {
        _badgeJson = new(ReadBadgeJson);
        _badgeJsonStamp = new(() => string.Join(',', BadgeJsonFiles().Select(path => $"{path}={ContentFileReader.StampOf(FullPath(path))}")));
    }

    /// <summary>The folder's full path.</summary>
    public required string Root { get; init; }

    /// <summary>Markdown files and badge files, relative to the root with '/' separators, in ordinal order.</summary>
    public List<string> Documents { get; } = [];

    /// <summary>Sidecar YAML files by the Markdown file they belong to.</summary>
    public Dictionary<string, string> Sidecars { get; } = new(StringComparer.Ordinal);

    /// <summary>Every other file (images and the like), which links may point at.</summary>
    public List<string> Assets { get; } = [];

    /// <summary>What the walk found wrong: stray YAML files, links, unreadable folders.</summary>
    public List<ContentDiagnostic> Diagnostics { get; } = [];

    /// <summary>True when the folder holds the tag alias file.</summary>
    public bool HasTagAliases => _all.Contains(TagAliases.FileName);

    /// <summary>True when a path relative to the root names a file of the folder.</summary>
    public bool Contains(string path) => _all.Contains(path);

    /// <summary>The full path of a file of the folder.</summary>
    public string FullPath(string path) => Path.Combine(Root, path);

    /// <summary>The JSON files of badges/, read the first time a badge is: Open Badges 2.0 assertions find the files they name there.</summary>
    internal Badges.BadgeFolder BadgeJson => _badgeJson.Value;

    /// <summary>The sizes and times of the JSON files of badges/, part of every badge's stamp: a badge is read again when one changes.</summary>
    internal string BadgeJsonStamp => _badgeJsonStamp.Value;

    /// <summary>Walks the folder without following symbolic links and skipping hidden files and folders.</summary>
    public static ContentFolder Scan(string root)
    {
        var folder = new ContentFolder { Root = Path.GetFullPath(root) };
        if (!Directory.Exists(folder.Root))
        {
            folder.Diagnostics.Add(new ContentDiagnostic(root, 1, 1, DiagnosticSeverity.Error,
                File.Exists(folder.Root) ? "the content folder is a file, not a folder" : "the content folder does not exist"));
            return folder;
        }

        var files = new List<string>();
        folder.Walk(new DirectoryInfo(folder.Root), "", files);
        files.Sort(StringComparer.Ordinal);
        var yaml = new List<string>();
        foreach (var file in files)
        {
            folder._all.Add(file);
            if (ContentPaths.IsMarkdown(file) || ContentPaths.IsBadge(file))
            {
                folder.Documents.Add(file);
            }
            else if (file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
            {
                yaml.Add(file);
            }
            else
            {
                folder.Assets.Add(file);
            }
        }

        foreach (var document in folder.Documents)
        {
            if (ContentPaths.SidecarCandidates(document).FirstOrDefault(folder._all.Contains) is { } sidecar)
            {
                folder.Sidecars[document] = sidecar;
            }
        }

        var claimed = folder.Sidecars.Values.ToHashSet(StringComparer.Ordinal);
        foreach (var file in yaml.Where(f => !claimed.Contains(f) && f != TagAliases.FileName && f != SiteProfile.FileName))
        {
            folder.Diagnostics.Add(new ContentDiagnostic(file, 1, 1, DiagnosticSeverity.Warning,
                "this YAML file is ignored: it is not tags.yml or site.yml, and no Markdown file of the same name is beside it"));
        }

        return folder;
    }

    private IEnumerable<string> BadgeJsonFiles() =>
        Documents.Where(p => ContentPaths.IsBadge(p) && (p.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".jsonld", StringComparison.OrdinalIgnoreCase)));

    private Badges.BadgeFolder ReadBadgeJson()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in BadgeJsonFiles())
        {
            try
            {
                files[path] = ContentFileReader.ReadLimited(FullPath(path), Badges.BadgeLoader.MaxBytes);
            }
            catch (Exception ex) when (ContentFileReader.IsUnreadable(ex))
            {
                // Reported when the file itself is read; no badge finds it meanwhile.
            }
        }

        return new Badges.BadgeFolder(files);
    }

    private void Walk(DirectoryInfo directory, string relative, List<string> files)
    {
        IEnumerable<FileSystemInfo> children;
        try
        {
            children = directory.EnumerateFileSystemInfos().ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Diagnostics.Add(new ContentDiagnostic(relative.Length == 0 ? "." : relative, 1, 1, DiagnosticSeverity.Error, $"the folder could not be read: {ex.Message}"));
            return;
        }

        foreach (var child in children)
        {
            var path = relative.Length == 0 ? child.Name : relative + "/" + child.Name;
            if (child.Name.StartsWith('.'))
            {
                continue;
            }

            if (child.LinkTarget is not null)
            {
                Diagnostics.Add(new ContentDiagnostic(path, 1, 1, DiagnosticSeverity.Warning, "symbolic links are not followed; copy the file into the content folder instead"));
                continue;
            }

            if (child is DirectoryInfo subdirectory)
            {
                Walk(subdirectory, path, files);
            }
            else if (child is FileInfo)
            {
                files.Add(path);
            }
        }
    }
}
