using System.Text.Json;
using Portfolio.Content.Text;

namespace Portfolio.Content.Badges;

/// <summary>The values of a badge's JSON as Open Badges and JSON-LD write them: one or many, plain or language-tagged.</summary>
internal static class BadgeJson
{
    /// <summary>The objects of a property that is one object or a list of them.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement owner, string property) =>
        !owner.TryGetProperty(property, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
        : value.ValueKind == JsonValueKind.Object ? [value]
        : [];

    /// <summary>The texts of a property that is one text or a list of them.</summary>
    public static IEnumerable<string> Strings(JsonElement owner, string property) =>
        !owner.TryGetProperty(property, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!.Trim()).Where(s => s.Length > 0)
        : value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } one ? [one]
        : [];

    /// <summary>A text property; a JSON-LD language value ({"@value": …}) or a list of them gives its (first) text.</summary>
    public static string? Text(JsonElement owner, string property) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(property, out var value) ? TextOf(value) : null;

    /// <summary>An http(s) address as written; anything else (a urn:, a did:) is not a page to link to.</summary>
    public static string? WebUrl(string? text) =>
        WebAddress.Is(text) ? text : null;

    private static string? TextOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!.Trim() is { Length: > 0 } text ? text : null,
        JsonValueKind.Object when value.TryGetProperty("@value", out var inner) => TextOf(inner),
        JsonValueKind.Array => value.EnumerateArray().Select(TextOf).FirstOrDefault(t => t is not null),
        _ => null,
    };
}
