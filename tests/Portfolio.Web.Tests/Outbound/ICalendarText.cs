using System.Text;

namespace Portfolio.Web.Tests.Outbound;

/// <summary>One property of an iCalendar component, unfolded: its name, its parameters as written, and its value (unescaped for TEXT).</summary>
internal sealed record ICalendarProperty(string Name, string Parameters, string Value);

/// <summary>A component (VCALENDAR, VEVENT) with its properties and its components.</summary>
internal sealed record ICalendarComponent(string Name, List<ICalendarProperty> Properties, List<ICalendarComponent> Components)
{
    public string? this[string name] => Properties.FirstOrDefault(p => p.Name == name)?.Value;

    public ICalendarProperty Property(string name) => Assert.Single(Properties, p => p.Name == name);

    public IEnumerable<ICalendarComponent> Events => Components.Where(c => c.Name == "VEVENT");
}

/// <summary>Reads iCalendar as RFC 5545 says a reader must, failing the test where the text breaks the rules a writer must keep.</summary>
internal static class ICalendarText
{
    /// <summary>The properties the site writes as TEXT, which are unescaped; the others (dates, URLs) are read as written.</summary>
    private static readonly HashSet<string> TextProperties = ["NAME", "X-WR-CALNAME", "UID", "SUMMARY", "DESCRIPTION"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Checks the bytes (every line ends with CRLF and is at most 75 octets of valid UTF-8 on its own, so no character was
    /// split by folding), unfolds the lines, and reads the components.
    /// </summary>
    public static ICalendarComponent Parse(byte[] bytes)
    {
        var text = StrictUtf8.GetString(bytes);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        foreach (var line in lines)
        {
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"a line is longer than 75 octets: {line}");
        }

        // Each physical line must be whole UTF-8 by itself: a character cut by a fold would make one of them invalid.
        var offset = 0;
        foreach (var line in lines)
        {
            var length = Encoding.UTF8.GetByteCount(line);
            StrictUtf8.GetString(bytes, offset, length);
            offset += length + 2;
        }

        var unfolded = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                Assert.NotEmpty(unfolded);
                unfolded[^1] += line[1..];
            }
            else
            {
                unfolded.Add(line);
            }
        }

        var stack = new Stack<ICalendarComponent>();
        ICalendarComponent? root = null;
        foreach (var line in unfolded)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"not a content line: {line}");
            var head = line[..colon];
            var value = line[(colon + 1)..];
            var semicolon = head.IndexOf(';', StringComparison.Ordinal);
            var name = semicolon < 0 ? head : head[..semicolon];
            var parameters = semicolon < 0 ? "" : head[(semicolon + 1)..];
            if (name == "BEGIN")
            {
                var component = new ICalendarComponent(value, [], []);
                if (stack.TryPeek(out var parent))
                {
                    parent.Components.Add(component);
                }
                else
                {
                    Assert.Null(root);
                    root = component;
                }

                stack.Push(component);
            }
            else if (name == "END")
            {
                Assert.Equal(value, stack.Pop().Name);
            }
            else
            {
                stack.Peek().Properties.Add(new ICalendarProperty(name, parameters, TextProperties.Contains(name) ? Unescape(value) : value));
            }
        }

        Assert.Empty(stack);
        return Assert.IsType<ICalendarComponent>(root);
    }

    /// <summary>TEXT unescaped: \\, \;, \, and \n (or \N).</summary>
    private static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                text.Append(value[i] is 'n' or 'N' ? '\n' : value[i]);
            }
            else
            {
                // A bare comma or semicolon separates values; in one TEXT value both must be escaped.
                Assert.False(value[i] is ';' or ',', $"an unescaped '{value[i]}' in the text value '{value}'");
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }
}
