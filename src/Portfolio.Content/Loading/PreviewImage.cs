using Portfolio.Content.FrontMatter;
using Portfolio.Content.Markdown;
using Portfolio.Content.Text;

namespace Portfolio.Content.Loading;

/// <summary>The picture a page shows in link previews (Open Graph), from front matter's image, cover, featured_image or thumbnail.</summary>
internal static class PreviewImage
{
    private static readonly string[] Pictures = [".png", ".jpg", ".jpeg", ".gif", ".webp"];

    /// <summary>
    /// An http(s) URL as written, or a file of the content folder (relative to the page's folder, or to the content
    /// folder when it starts with '/') as the URL it is served at; null, with a warning, for anything else.
    /// </summary>
    public static string? Resolve(FrontMatterFields fields, LinkTargets targets, Action<SourceLocation, string> warn)
    {
        if (fields.Image is not { } written)
        {
            return null;
        }

        var at = fields.LocationOf("image", default);
        if (WebAddress.TryParse(written, out var url))
        {
            return url.AbsoluteUri;
        }

        var path = Uri.UnescapeDataString(written.Split('#', '?')[0]);
        var target = LinkPolicy.Resolve(path.StartsWith('/') ? "" : targets.Directory, path);
        string? problem = null;
        if (target is null)
        {
            problem = "it is not a file of the content folder";
        }
        else if (!targets.Exists(target))
        {
            problem = $"there is no file content/{target}";
        }
        else if (!Pictures.Any(e => target.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            problem = "link previews show PNG, JPEG, GIF and WebP pictures";
        }

        if (problem is not null)
        {
            warn(at, $"the preview image '{written}' is not used: {problem}; the page has no preview image");
            return null;
        }

        return targets.AssetBaseUrl + string.Join('/', target!.Split('/').Select(Uri.EscapeDataString));
    }
}
