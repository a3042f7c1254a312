using System.Text;

namespace Portfolio.Content.Badges;

/// <summary>A picture the site stores and serves itself: its bytes, media type and the file extension it is served with.</summary>
internal sealed record BadgeImage(byte[] Bytes, string MediaType, string Extension)
{
    /// <summary>The pictures a badge may carry, by media type, with the extension each is served under.</summary>
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = "png",
        ["image/jpeg"] = "jpg",
        ["image/gif"] = "gif",
        ["image/webp"] = "webp",
        ["image/svg+xml"] = "svg",
    };

    /// <summary>Decodes a data: URI of a PNG, JPEG, GIF, WebP or SVG picture whose bytes are what it says; a problem says why not.</summary>
    public static BadgeImage? FromDataUri(string uri, int maxBytes, out string? problem)
    {
        var comma = uri.IndexOf(',', StringComparison.Ordinal);
        if (!uri.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || comma < 0)
        {
            problem = "it is not a data: URI (data:<type>;base64,<data>)";
            return null;
        }

        var parameters = uri[5..comma].Split(';');
        var mediaType = parameters[0].Trim();
        var base64 = parameters.Skip(1).Any(p => p.Trim().Equals("base64", StringComparison.OrdinalIgnoreCase));
        if (!Extensions.TryGetValue(mediaType, out var extension))
        {
            problem = $"its type '{(mediaType.Length == 0 ? "text/plain" : mediaType)}' is not a picture the site shows (PNG, JPEG, GIF, WebP or SVG)";
            return null;
        }

        var data = uri[(comma + 1)..];
        byte[] bytes;
        try
        {
            bytes = base64 ? Convert.FromBase64String(data) : Encoding.UTF8.GetBytes(Uri.UnescapeDataString(data));
        }
        catch (FormatException)
        {
            problem = "its data is not valid base64";
            return null;
        }

        if (bytes.Length > maxBytes)
        {
            problem = $"it is larger than {maxBytes / (1024 * 1024)} MB";
            return null;
        }

        mediaType = mediaType.ToLowerInvariant();
        if (!IsWhatItSays(bytes, mediaType))
        {
            problem = $"its bytes are not a {extension.ToUpperInvariant()} picture, as its type '{mediaType}' says";
            return null;
        }

        problem = null;
        return new BadgeImage(bytes, mediaType, extension);
    }

    /// <summary>The file itself as the picture, for a baked PNG or SVG.</summary>
    public static BadgeImage Baked(byte[] bytes, bool svg) => svg ? new(bytes, "image/svg+xml", "svg") : new(bytes, "image/png", "png");

    /// <summary>Checks the bytes' signature against the media type, so that the site never serves something else under a picture's type.</summary>
    private static bool IsWhatItSays(ReadOnlySpan<byte> bytes, string mediaType) => mediaType switch
    {
        "image/png" => PngBadge.IsPng(bytes),
        "image/jpeg" => bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "image/gif" => bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8),
        "image/webp" => bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8),
        _ => IsSvg(bytes),
    };

    private static bool IsSvg(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return SvgBadge.LooksLikeXml(text) && text.Contains("<svg", StringComparison.Ordinal);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
