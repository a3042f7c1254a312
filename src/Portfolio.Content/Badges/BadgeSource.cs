using System.Text.Json;
using System.Text;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;
using Portfolio.Content.Text;

namespace Portfolio.Content.Badges;

/// <summary>What a badge's credential came in: its file's JSON, a compact JWT, or the text baked into a PNG or SVG.</summary>
internal enum BadgeContainer
{
    Json,
    Jwt,
    Png,
    Svg,
}

/// <summary>The credential in a file, with where it came from and how it is served.</summary>
internal sealed record BadgeSource(
    JsonElement Root, JsonSource Json, JsonElement? Claims, BadgeContainer Container, string Where, string Described, string ContentType, string Inside, BadgeImage? Baked,
    string? JwtAlgorithm, string? BakedChunk)
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>Finds the credential's JSON in the file: the file itself, a JWT's payload, or the text baked into a PNG or SVG.</summary>
    public static BadgeSource? Unwrap(ContentFile file, DiagnosticBag diagnostics)
    {
        if (PngBadge.IsPng(file.Bytes))
        {
            var baked = PngBadge.Read(file.Bytes, BadgeLoader.MaxBytes);
            if (baked.Text is null)
            {
                diagnostics.Error(1, 1, baked.Problem!);
                return null;
            }

            return FromText(baked.Text, BadgeContainer.Png, baked.Where, " baked into a PNG image", "image/png", BadgeImage.Baked(file.Bytes, svg: false),
                JsonSource.Embedded(Encoding.UTF8.GetBytes(baked.Text)), diagnostics);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(file.Bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Error(1, 1, "the file is not an Open Badge: it is neither a PNG nor UTF-8 text (JSON, a JWT or an SVG)");
            return null;
        }

        if (SvgBadge.LooksLikeXml(text))
        {
            var baked = SvgBadge.Read(text);
            if (baked.Text is null)
            {
                diagnostics.Error(baked.Line, baked.Column, baked.Problem!);
                return null;
            }

            return FromText(baked.Text, BadgeContainer.Svg, baked.Where, " baked into an SVG image", "image/svg+xml", BadgeImage.Baked(file.Bytes, svg: true),
                JsonSource.OfFile(Encoding.UTF8.GetBytes(baked.Text), baked.Line, baked.Column), diagnostics);
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('{') || trimmed.StartsWith('['))
        {
            var utf8 = file.Bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? file.Bytes[3..] : file.Bytes;
            return FromText(text, BadgeContainer.Json, "the JSON", " in JSON", "application/json", null, JsonSource.OfFile(utf8), diagnostics);
        }

        if (CompactJwt.LooksLikeJwt(trimmed) || file.Path.EndsWith(".jwt", StringComparison.OrdinalIgnoreCase) || file.Path.EndsWith(".jws", StringComparison.OrdinalIgnoreCase))
        {
            return FromText(trimmed, BadgeContainer.Jwt, "the JWT", " in a JWT", "application/jwt", null, JsonSource.Embedded(file.Bytes), diagnostics);
        }

        diagnostics.Error(1, 1, "the file is not an Open Badge: it is not JSON, a JWT, a PNG or an SVG");
        return null;
    }

    /// <summary>Reads the credential text of a container: JSON, or a compact JWT whose payload (or its 'vc' claim) is the credential.</summary>
    private static BadgeSource? FromText(string text, BadgeContainer container, string where, string described, string contentType, BadgeImage? baked, JsonSource json, DiagnosticBag diagnostics)
    {
        var (line, column) = json.Start;
        var inside = container is BadgeContainer.Png ? $" (in {where})" : "";
        var trimmed = text.Trim();
        if (container is BadgeContainer.Jwt || (container is not BadgeContainer.Json && CompactJwt.LooksLikeJwt(trimmed)))
        {
            if (CompactJwt.Decode(trimmed, out var problem) is not { } jwt)
            {
                diagnostics.Error(line, column, (container is BadgeContainer.Jwt ? "" : $"{where} holds a JWT that cannot be read: ") + problem);
                return null;
            }

            var payload = jwt.Payload;
            var credential = payload.TryGetProperty("vc", out var vc) && vc.ValueKind == JsonValueKind.Object ? vc : payload;
            var jwtDescribed = container is BadgeContainer.Jwt ? described : " in a JWT" + described;
            return new BadgeSource(credential, json, payload, container, where, jwtDescribed, contentType, inside, baked, jwt.Algorithm ?? "none", container is BadgeContainer.Png ? where : null);
        }

        if (container is not BadgeContainer.Json && !trimmed.StartsWith('{'))
        {
            diagnostics.Error(line, column, WebAddress.Is(trimmed)
                ? $"{where} only points at a hosted assertion ({trimmed}), which is not fetched: the site reads no network; export the badge with its assertion baked in, or as JSON"
                : $"{where} is neither JSON nor a JWT");
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json.Utf8);
            return new BadgeSource(document.RootElement.Clone(), json, null, container, where, described, contentType, inside, baked, null, container is BadgeContainer.Png ? where : null);
        }
        catch (JsonException ex)
        {
            var (errorLine, errorColumn) = json.LocationOfError(ex);
            var message = ex.Message;
            // Where the JSON keeps the file's lines, the position is the diagnostic's; inside a PNG chunk it stays in the message.
            var cut = container is BadgeContainer.Png ? -1 : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            diagnostics.Error(errorLine, errorColumn, $"{(container is BadgeContainer.Json ? "the JSON" : $"the JSON in {where}")} is malformed: {(cut > 0 ? message[..cut] : message)}{inside}");
            return null;
        }
    }
}
