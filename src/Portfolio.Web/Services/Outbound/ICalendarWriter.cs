using System.Globalization;
using System.Text;

namespace Portfolio.Web.Services.Outbound;

/// <summary>
/// Writes iCalendar content lines (RFC 5545, section 3.1): TEXT values escaped, lines folded at 75 octets of UTF-8
/// without splitting a character, every line ended with CRLF.
/// </summary>
public sealed class ICalendarWriter
{
    /// <summary>The longest a line may be, in octets, before its line break.</summary>
    public const int MaxLineOctets = 75;

    private readonly StringBuilder _text = new();

    /// <summary>A property whose value is written as given (a URI, a code, a number).</summary>
    public void Raw(string name, string value) => Line($"{name}:{value}");

    /// <summary>A TEXT property: backslash, semicolon, comma and line breaks escaped; other control characters left out.</summary>
    public void Text(string name, string value) => Line($"{name}:{Escape(value)}");

    /// <summary>A DATE property: an all-day value such as <c>DTSTART;VALUE=DATE:20270305</c>.</summary>
    public void Day(string name, DateTime day) =>
        Line($"{name};VALUE=DATE:{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");

    /// <summary>A DATE-TIME property in UTC, such as <c>DTSTAMP:20250601T120000Z</c>.</summary>
    public void Timestamp(string name, DateTimeOffset time) =>
        Line($"{name}:{time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}");

    public override string ToString() => _text.ToString();

    /// <summary>RFC 5545's TEXT escaping (section 3.3.11).</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\' or ';' or ',':
                    escaped.Append('\\').Append(c);
                    break;
                case '\r':
                    // CRLF is one line break.
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    escaped.Append("\\n");
                    break;
                case '\n':
                    escaped.Append("\\n");
                    break;
                case '\t':
                    escaped.Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Appends a content line folded at <see cref="MaxLineOctets"/>: each continuation starts with a space, which counts.</summary>
    private void Line(string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                _text.Append("\r\n ");
                octets = 1;
            }

            _text.Append(rune.ToString());
            octets += size;
        }

        _text.Append("\r\n");
    }
}
