namespace Portfolio.Content.Markdown;

/// <summary>What a file's relative links can point at: the other files of the content folder, and where assets are served.</summary>
/// <param name="Directory">The linking file's folder, relative to the content folder, with '/' separators ("" at the top).</param>
/// <param name="Exists">Whether a path relative to the content folder names a file in it.</param>
/// <param name="AssetBaseUrl">The URL prefix under which files of the content folder are served, ending in '/'.</param>
public sealed record LinkTargets(string Directory, Func<string, bool> Exists, string AssetBaseUrl = "/media/");
