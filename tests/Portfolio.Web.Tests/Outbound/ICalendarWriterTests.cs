using System.Text;
using Portfolio.Web.Services.Outbound;

namespace Portfolio.Web.Tests.Outbound;

/// <summary>The rules of RFC 5545 the calendar writer keeps: TEXT escaping, folding at 75 octets, CRLF.</summary>
public sealed class ICalendarWriterTests
{
    [Theory]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a;b", "a\\;b")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("one\ntwo", "one\\ntwo")]
    [InlineData("one\r\ntwo", "one\\ntwo")]
    [InlineData("one\rtwo", "one\\ntwo")]
    [InlineData("tab\there", "tab\there")]
    [InlineData("bell\u0007gone", "bellgone")]
    [InlineData("Größe: 機械 🎓", "Größe: 機械 🎓")]
    public void Text_is_escaped_as_rfc_5545_says(string text, string escaped) =>
        Assert.Equal(escaped, ICalendarWriter.Escape(text));

    [Fact]
    public void A_line_of_75_octets_stays_whole_and_one_more_is_folded_with_a_space()
    {
        var writer = new ICalendarWriter();
        writer.Raw("X", new string('a', 73));
        writer.Raw("Y", new string('b', 74));

        Assert.Equal($"X:{new string('a', 73)}\r\nY:{new string('b', 73)}\r\n b\r\n", writer.ToString());
    }

    [Theory]
    [InlineData("é", 2)]
    [InlineData("機", 3)]
    [InlineData("🎓", 4)]
    public void A_character_that_would_cross_the_75th_octet_moves_whole_to_the_next_line(string character, int octets)
    {
        var writer = new ICalendarWriter();
        writer.Text("S", new string('a', 72) + character + "z");

        var lines = writer.ToString().Split("\r\n");
        Assert.Equal($"S:{new string('a', 72)}", lines[0]);
        Assert.Equal($" {character}z", lines[1]);
        Assert.Equal(1 + octets + 1, Encoding.UTF8.GetByteCount(lines[1]));
    }

    [Fact]
    public void Dates_are_all_day_and_stamps_are_utc()
    {
        var writer = new ICalendarWriter();
        writer.Day("DTSTART", new DateTime(2027, 3, 5));
        writer.Timestamp("DTSTAMP", new DateTimeOffset(2025, 6, 1, 14, 30, 5, TimeSpan.FromHours(2)));

        Assert.Equal("DTSTART;VALUE=DATE:20270305\r\nDTSTAMP:20250601T123005Z\r\n", writer.ToString());
    }
}
