using System.Globalization;
using System.Text.RegularExpressions;

namespace Portfolio.Content.FrontMatter;

/// <summary>Dates as front matter writes them: ISO 8601, with or without a time of day and an offset.</summary>
public static partial class IsoDate
{
    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[Tt ](?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?))?\s*(?<zone>Z|z|[+-]\d{2}(?::?\d{2})?)?$")]
    private static partial Regex DatePattern();

    /// <summary>Reads an ISO date, with or without time and offset; the clock time is kept as written.</summary>
    public static bool TryParse(string text, out DateTime value, out bool hasTime)
    {
        value = default;
        hasTime = false;
        var match = DatePattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        if (!DateTime.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        if (match.Groups["time"].Success)
        {
            var formats = new[] { @"hh\:mm", @"hh\:mm\:ss", @"hh\:mm\:ss\.FFFFFFF" };
            if (!TimeSpan.TryParseExact(match.Groups["time"].Value, formats, CultureInfo.InvariantCulture, out var time) || time >= TimeSpan.FromDays(1))
            {
                return false;
            }

            date += time;
            hasTime = true;
        }

        value = date;
        return true;
    }
}
