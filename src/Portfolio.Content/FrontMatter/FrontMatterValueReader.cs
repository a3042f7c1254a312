using System.Globalization;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Text;
using YamlDotNet.RepresentationModel;

namespace Portfolio.Content.FrontMatter;

/// <summary>Reads one YAML value as text, a number, a date, a list of names or an address, reporting a bad one at its line and column.</summary>
internal sealed class FrontMatterValueReader(DiagnosticBag diagnostics, int lineOffset)
{
    // Guards against alias bombs and absurd nesting: real front matter is a few dozen nodes.
    private const int MaxNodes = 10_000;
    private const int MaxDepth = 32;

    private int _nodes;

    /// <summary>Reports an error at the node's line and column.</summary>
    public void Fail(YamlNode node, string message) =>
        diagnostics.Error((int)node.Start.Line + lineOffset, (int)node.Start.Column, message);

    public void Warn(YamlNode node, string message) =>
        diagnostics.Warning((int)node.Start.Line + lineOffset, (int)node.Start.Column, message);

    public SourceLocation At(YamlNode node) => new(diagnostics.Path, (int)node.Start.Line + lineOffset, (int)node.Start.Column);

    public string? Text(string key, YamlNode value) => Text(key, value, strict: true);

    /// <summary>Text for a key this site reads but does not need: anything else is reported and ignored, never an error.</summary>
    public string? ForeignText(string key, YamlNode value) => Text(key, value, strict: false);

    private string? Text(string key, YamlNode value, bool strict)
    {
        if (value is YamlScalarNode scalar)
        {
            return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
        }

        Report(strict, value, $"'{key}' must be text; got {Describe(value)}{Ignored(strict)}");
        return null;
    }

    public string? SlugText(string key, YamlNode value)
    {
        var text = Text(key, value);
        if (text is not null && !Content.Text.Slug.IsValid(text))
        {
            Fail(value, $"'{key}' must be a slug of lower-case letters, digits and hyphens (like '{Content.Text.Slug.From(text)}'); got '{Shorten(text)}'");
            return null;
        }

        return text;
    }

    public string? Url(string key, YamlNode value)
    {
        var text = Text(key, value);
        if (text is not null && !WebAddress.Is(text))
        {
            Fail(value, $"'{key}' must be an http or https URL; got '{Shorten(text)}'");
            return null;
        }

        return text;
    }

    public bool? Boolean(string key, YamlNode value)
    {
        var text = Text(key, value);
        switch (text?.ToLowerInvariant())
        {
            case null: return null;
            case "true" or "yes" or "on": return true;
            case "false" or "no" or "off": return false;
            default:
                Fail(value, $"'{key}' must be true or false; got '{Shorten(text)}'");
                return null;
        }
    }

    public int? Integer(string key, YamlNode value, int min, int max)
    {
        var text = Text(key, value);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        Fail(value, $"'{key}' must be a whole number from {min} to {max}; got '{Shorten(text)}'");
        return null;
    }

    public (DateTime Value, bool HasTime)? Date(string key, YamlNode value)
    {
        var text = Text(key, value);
        if (text is null)
        {
            return null;
        }

        if (IsoDate.TryParse(text, out var date, out var hasTime))
        {
            return (date, hasTime);
        }

        Fail(value, $"'{key}' must be a date like 2024-03-05, optionally with a time and offset like 2024-03-05T14:30:00+01:00; got '{Shorten(text)}'");
        return null;
    }

    /// <summary>A day, for a date the calendar shows as an all-day event: a time of day is reported and left out.</summary>
    public DateTime? Day(string key, YamlNode value)
    {
        var text = Text(key, value);
        if (text is null)
        {
            return null;
        }

        if (!IsoDate.TryParse(text, out var date, out var hasTime))
        {
            Fail(value, $"'{key}' must be a day like 2025-06-10; got '{Shorten(text)}'");
            return null;
        }

        if (hasTime)
        {
            Warn(value, $"'{key}' is a day: the time in '{Shorten(text)}' is left out, and the calendar shows the whole day");
        }

        return date.Date;
    }

    /// <summary>Names as a list, or as one comma-separated text.</summary>
    public List<string> Names(string key, YamlNode value, string what, string plural, bool strict)
    {
        if (value is YamlScalarNode scalar)
        {
            return [.. (scalar.Value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        if (value is not YamlSequenceNode)
        {
            Report(strict, value, $"'{key}' must be a list of {plural} or a comma-separated text; got {Describe(value)}{Ignored(strict)}");
            return [];
        }

        return Items(key, value, what, item => NameOf(item, "label"), strict);
    }

    /// <summary>
    /// The items of a list (or a single value) that <paramref name="read"/> can read; blank ones are skipped. An item it
    /// cannot read is a problem, reported once however many items repeat it.
    /// </summary>
    public List<string> Items(string key, YamlNode value, string what, Func<YamlNode, string?> read, bool strict)
    {
        var items = new List<string>();
        var problems = new ListProblems(diagnostics);
        foreach (var node in value is YamlSequenceNode sequence ? sequence.Children : [value])
        {
            if (read(node) is { } item)
            {
                if (item.Length > 0)
                {
                    items.Add(item);
                }
            }
            else if (node is not YamlScalarNode { Value: null or "" })
            {
                var message = $"{Each(key, value is YamlSequenceNode)} must be {what}; got {Describe(node)}{Ignored(strict)}";
                if (strict)
                {
                    problems.Error(LineOf(node, value), ColumnOf(node, value), message);
                }
                else
                {
                    problems.Warning(LineOf(node, value), ColumnOf(node, value), message);
                }
            }
        }

        problems.Report();
        return items;
    }

    public static string Each(string key, bool isList) => isList ? $"each of '{key}'" : $"'{key}'";

    // An item that is a YAML alias (*name) is the node its anchor named, written elsewhere: it is placed at its list.
    private static YamlNode Placed(YamlNode item, YamlNode list) => item.Start.CompareTo(list.Start) < 0 ? list : item;

    public int LineOf(YamlNode item, YamlNode list) => (int)Placed(item, list).Start.Line + lineOffset;

    public static int ColumnOf(YamlNode item, YamlNode list) => (int)Placed(item, list).Start.Column;

    /// <summary>A name as text, or the 'name' (or <paramref name="alsoKey"/>) of a mapping, as Docusaurus writes authors and tags; "" for a blank one, null for none.</summary>
    public static string? NameOf(YamlNode node, string? alsoKey = null) => node switch
    {
        YamlScalarNode scalar => scalar.Value?.Trim() ?? "",
        YamlMappingNode mapping => new[] { "name", alsoKey }.OfType<string>()
            .Select(key => mapping.Children.TryGetValue(new YamlScalarNode(key), out var name) && name is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null)
            .FirstOrDefault(name => name is not null),
        _ => null,
    };

    private void Report(bool strict, YamlNode node, string message)
    {
        if (strict)
        {
            Fail(node, message);
        }
        else
        {
            Warn(node, message);
        }
    }

    private static string Ignored(bool strict) => strict ? "" : "; ignored";

    public string? Flatten(YamlNode node, int depth)
    {
        if (++_nodes > MaxNodes || depth > MaxDepth)
        {
            if (_nodes == MaxNodes + 1 || depth == MaxDepth + 1)
            {
                Fail(node, $"front matter is too large or too deeply nested (more than {MaxNodes} values or {MaxDepth} levels)");
            }

            return null;
        }

        return node switch
        {
            YamlScalarNode scalar => scalar.Value ?? "",
            YamlSequenceNode sequence => string.Join(", ", sequence.Children.Select(c => Flatten(c, depth + 1)).Where(v => v is not null)),
            YamlMappingNode mapping => string.Join(", ", mapping.Children.Select(c => $"{(c.Key as YamlScalarNode)?.Value}: {Flatten(c.Value, depth + 1)}")),
            _ => null,
        };
    }

    /// <summary>A node described for a message: "a list", "a mapping", "'text'".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode scalar => $"'{Shorten(scalar.Value!)}'",
        _ => "an alias",
    };

    public static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
