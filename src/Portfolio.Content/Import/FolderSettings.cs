using System.Security.Cryptography;
using System.Text;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;
using Portfolio.Content.Text;

namespace Portfolio.Content.Import;

/// <summary>
/// What the top of a content folder says about the whole site: the tag aliases (tags.yml) and the owner's profile
/// (site.yml), with their problems, and a hash of everything every file's result depends on besides its own bytes.
/// </summary>
internal sealed record FolderSettings(TagAliases Aliases, SiteProfile Site, string Hash)
{
    /// <summary>Raised when the way files are read changes, so every file is parsed again.</summary>
    private const string LoaderVersion = "6";

    /// <summary>Reads the folder's settings files, each at most <paramref name="maxFileBytes"/> long; their problems are added to <paramref name="diagnostics"/>.</summary>
    public static FolderSettings Read(ContentFolder folder, long maxFileBytes, List<ContentDiagnostic> diagnostics)
    {
        var aliases = ReadFile(folder, TagAliases.FileName, maxFileBytes, diagnostics, out var aliasBytes, TagAliases.Parse) ?? TagAliases.None;
        if (!folder.Contains(SiteProfile.FileName))
        {
            diagnostics.Add(new ContentDiagnostic(SiteProfile.FileName, 1, 1, DiagnosticSeverity.Warning,
                "there is no site.yml: the site shows a placeholder name; add one with your name, headline and links"));
        }

        var site = ReadFile(folder, SiteProfile.FileName, maxFileBytes, diagnostics, out var siteBytes, SiteProfile.Parse) ?? new SiteProfile();
        return new FolderSettings(aliases, site, HashOf(folder, maxFileBytes, aliasBytes, siteBytes));
    }

    /// <summary>Reads a YAML file at the top of the content folder, if it is there; its problems go with the folder's.</summary>
    private static T? ReadFile<T>(ContentFolder folder, string name, long maxFileBytes, List<ContentDiagnostic> diagnostics, out byte[] bytes, Func<string, DiagnosticBag, T> parse)
        where T : class
    {
        bytes = [];
        if (!folder.Contains(name))
        {
            return null;
        }

        var bag = new DiagnosticBag(name);
        try
        {
            bytes = ContentFileReader.ReadLimited(folder.FullPath(name), maxFileBytes);
        }
        catch (Exception ex) when (ContentFileReader.IsUnreadable(ex))
        {
            bag.Error(1, 1, $"{name} could not be read: {ex.Message}");
        }

        var text = bytes.Length == 0 ? null : SourceText.Decode(bytes, bag);
        var result = text is null ? null : parse(text, bag);
        diagnostics.AddRange(bag.Items);
        return result;
    }

    /// <summary>The loader's version, the file size limit, the settings files' bytes and which other files exist (links may point at them).</summary>
    private static string HashOf(ContentFolder folder, long maxFileBytes, byte[] aliasBytes, byte[] siteBytes)
    {
        var builder = new StringBuilder(LoaderVersion).Append('\n').Append(maxFileBytes).Append('\n');
        builder.Append(Convert.ToHexString(SHA256.HashData(aliasBytes))).Append('\n');
        builder.Append(Convert.ToHexString(SHA256.HashData(siteBytes))).Append('\n');
        foreach (var asset in folder.Assets)
        {
            builder.Append(asset).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
