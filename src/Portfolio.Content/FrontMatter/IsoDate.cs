using System.Globalization;
using System.Text.RegularExpressions;

namespace Portfolio.Content.FrontMatter;

/// <summary>Dates as front matter and badges write them: ISO 8601, with or without a time of day and an offset.</summary>
public static partial class IsoDate
{
    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[Tt ](?<hours>[0-9]{2}):(?<minutes>[0-9]{2})(?::(?<seconds>[0-9]{2})(?:\.(?<fraction>[0-9]+))?)?)?\s*(?<zone>Z|z|(?<sign>[+-])(?<offsetHours>[0-9]{2})(?::?(?<offsetMinutes>[0-9]{2}))?)?$")]
    private static partial Regex DatePattern();

    /// <summary>Reads an ISO date, with or without time and offset; the clock time is kept as written.</summary>
    public static bool TryParse(string text, out DateTime value, out bool hasTime) => TryRead(text, out value, out hasTime, out _);

    /// <summary>Reads an ISO date as an instant in UTC: an offset is applied, and a date or time without one is taken as UTC.</summary>
    public static bool TryParseUtc(string text, out DateTime utc)
    {
        utc = default;
        // An offset beyond ±14:00 is no place's, and an instant must stay within the calendar DateTime holds.
        if (!TryRead(text, out var clock, out _, out var offset) || offset.Duration() > TimeSpan.FromHours(14)
            || clock.Ticks - offset.Ticks is < 0 or > 3155378975999999999)
        {
            return false;
        }

        utc = new DateTime(clock.Ticks - offset.Ticks, DateTimeKind.Utc);
        return true;
    }

    private static bool TryRead(string text, out DateTime value, out bool hasTime, out TimeSpan offset)
    {
        value = default;
        hasTime = false;
        offset = TimeSpan.Zero;
        var match = DatePattern().Match(text.Trim());
        if (!match.Success || !DateTime.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        if (match.Groups["hours"].Success)
        {
            var (hours, minutes, seconds) = (Number(match, "hours"), Number(match, "minutes"), Number(match, "seconds"));
            if (hours > 23 || minutes > 59 || seconds > 59)
            {
                return false;
            }

            // Ticks hold seven digits of a second; clocks that write nine (Go, Java) lose the last two.
            var fraction = match.Groups["fraction"].Success ? long.Parse(match.Groups["fraction"].Value.PadRight(7, '0')[..7], CultureInfo.InvariantCulture) : 0;
            date += new TimeSpan(hours, minutes, seconds) + TimeSpan.FromTicks(fraction);
            hasTime = true;
        }

        if (match.Groups["sign"].Success)
        {
            offset = new TimeSpan(Number(match, "offsetHours"), Number(match, "offsetMinutes"), 0) * (match.Groups["sign"].Value == "-" ? -1 : 1);
        }

        value = date;
        return true;
    }

    private static int Number(Match match, string group) =>
        match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
}
