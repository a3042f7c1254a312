using System.Text.Json;
using Portfolio.Content.FrontMatter;

namespace Portfolio.Content.Badges;

/// <summary>A badge's dates: ISO 8601 text, or Unix seconds as assertions before 2.0 and a JWT's claims write them.</summary>
internal static class BadgeDates
{
    /// <summary>An ISO 8601 date (or date and time) in UTC; a number is Unix seconds, as assertions before 2.0 wrote them.</summary>
    public static DateTime? Read(JsonElement owner, string property, Action<string?, string> warn)
    {
        if (!owner.TryGetProperty(property, out var value))
        {
            return null;
        }

        if (UnixSeconds(value) is { } instant)
        {
            return instant;
        }

        if (value.ValueKind == JsonValueKind.String && IsoDate.TryParseUtc(value.GetString()!, out var date))
        {
            return date;
        }

        warn(property, $"'{property}' must be a date and time like 2024-03-05T14:30:00Z; got {value.GetRawText()}: it is left out");
        return null;
    }

    /// <summary>A JWT claim's date (iat, nbf, exp), in Unix seconds; none when the claims do not give one.</summary>
    public static DateTime? ReadClaim(JsonElement? claims, string name) =>
        claims is { } c && c.TryGetProperty(name, out var value) ? UnixSeconds(value) : null;

    /// <summary>A number of seconds since 1970 as an instant in UTC; none for a number before it or after the year 9999.</summary>
    private static DateTime? UnixSeconds(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds) && seconds is > 0 and < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
            : null;
}
