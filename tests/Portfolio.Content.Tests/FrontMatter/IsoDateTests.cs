using System.Globalization;
using Portfolio.Content.FrontMatter;

namespace Portfolio.Content.Tests.FrontMatter;

/// <summary>ISO 8601 dates as front matter keeps them (the clock as written) and as badges mean them (an instant in UTC).</summary>
public sealed class IsoDateTests
{
    [Theory]
    [InlineData("2024-03-05", "2024-03-05T00:00:00.0000000", false)]
    [InlineData("2024-03-05T14:30", "2024-03-05T14:30:00.0000000", true)]
    [InlineData("2024-03-05t14:30:15", "2024-03-05T14:30:15.0000000", true)]
    [InlineData("2024-03-05 14:30:15.25+02:00", "2024-03-05T14:30:15.2500000", true)]
    [InlineData(" 2024-03-05T14:30:00.123456789Z ", "2024-03-05T14:30:00.1234567", true)]
    [InlineData("2024-03-05T23:59:59-0500", "2024-03-05T23:59:59.0000000", true)]
    public void Front_matter_keeps_the_clock_as_written(string text, string expected, bool withTime)
    {
        Assert.True(IsoDate.TryParse(text, out var date, out var hasTime));

        Assert.Equal(expected, date.ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(withTime, hasTime);
    }

    [Theory]
    [InlineData("2024-03-05", "2024-03-05T00:00:00.0000000Z")]
    [InlineData("2024-03-05T14:30:00Z", "2024-03-05T14:30:00.0000000Z")]
    [InlineData("2024-03-05T14:30:00", "2024-03-05T14:30:00.0000000Z")]
    [InlineData("2024-03-05T14:30:00+02:00", "2024-03-05T12:30:00.0000000Z")]
    [InlineData("2024-03-05T01:30:00-0230", "2024-03-05T04:00:00.0000000Z")]
    [InlineData("2024-03-05T23:30:00-05", "2024-03-06T04:30:00.0000000Z")]
    [InlineData("2024-03-05T14:30:00.123456789Z", "2024-03-05T14:30:00.1234567Z")]
    public void A_badge_date_is_an_instant_in_utc(string text, string expected)
    {
        Assert.True(IsoDate.TryParseUtc(text, out var date));

        Assert.Equal(DateTimeKind.Utc, date.Kind);
        Assert.Equal(expected, date.ToString("O", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("March 5, 2024")]
    [InlineData("2024-13-01")]
    [InlineData("2024-02-30")]
    [InlineData("2024-03-05T24:00")]
    [InlineData("2024-03-05T14:60")]
    [InlineData("2024-03-05T14:30:60")]
    [InlineData("2024-03-05T14:30.5")]
    [InlineData("2024-03-05T14")]
    [InlineData("٢٠٢٤-٠٣-٠٥")]
    [InlineData("2024-03-05T14:30:00+2")]
    public void Text_that_is_not_an_iso_date_is_refused_by_both(string text)
    {
        Assert.False(IsoDate.TryParse(text, out _, out _));
        Assert.False(IsoDate.TryParseUtc(text, out _));
    }

    [Theory]
    [InlineData("2024-03-05T14:30:00+15:00")]
    [InlineData("0001-01-01T00:30:00+01:00")]
    [InlineData("9999-12-31T23:30:00-01:00")]
    public void An_instant_with_no_place_on_earth_or_the_calendar_is_refused(string text)
    {
        Assert.False(IsoDate.TryParseUtc(text, out _));
    }
}
