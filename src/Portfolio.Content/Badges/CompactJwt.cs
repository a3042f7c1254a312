using System.Buffers.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Portfolio.Content.Badges;

/// <summary>A compact JWS (a JWT) decoded without checking its signature: its header and payload as JSON.</summary>
internal sealed partial record CompactJwt(JsonElement Header, JsonElement Payload)
{
    /// <summary>The signing algorithm the header names ("RS256", "EdDSA"), if it names one.</summary>
    public string? Algorithm => Header.TryGetProperty("alg", out var alg) && alg.ValueKind == JsonValueKind.String ? alg.GetString() : null;

    /// <summary>True for text of three base64url parts joined by dots (the signature may be empty).</summary>
    public static bool LooksLikeJwt(string text) => Shape().IsMatch(text);

    /// <summary>Decodes the header and payload; a problem says what is wrong with the token.</summary>
    public static CompactJwt? Decode(string text, out string? problem)
    {
        text = text.Trim();
        var parts = text.Split('.');
        if (parts.Length == 5)
        {
            problem = "the JWT is encrypted (JWE, five parts): only the issuer's recipient can read it; ask for a signed (three-part) or plain JSON badge";
            return null;
        }

        if (parts.Length != 3)
        {
            problem = $"the JWT has {parts.Length} part{(parts.Length == 1 ? "" : "s")}; a compact JWT has three (header.payload.signature) separated by dots";
            return null;
        }

        var header = Part(parts[0], "header", out problem);
        var payload = header is null ? null : Part(parts[1], "payload", out problem);
        return header is { } h && payload is { } p ? new CompactJwt(h, p) : null;
    }

    private static JsonElement? Part(string part, string name, out string? problem)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(part);
        }
        catch (FormatException)
        {
            problem = $"the JWT's {name} is not base64url";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = $"the JWT's {name} is JSON but not an object";
                return null;
            }

            problem = null;
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            problem = $"the JWT's {name} is not JSON: {ex.Message}";
            return null;
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$")]
    private static partial Regex Shape();
}
