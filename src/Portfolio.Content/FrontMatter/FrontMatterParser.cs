using System.Globalization;
using System.Text.RegularExpressions;
using Portfolio.Content.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Portfolio.Content.FrontMatter;

/// <summary>A file split into its front matter (if it starts with a '---' line) and its Markdown body.</summary>
public sealed record SplitDocument(string? Yaml, int YamlFirstLine, string Body, int BodyFirstLine);

/// <summary>Reads YAML front matter into typed fields, reporting each bad value at its line and column.</summary>
public static partial class FrontMatterParser
{
    // Guards against alias bombs and absurd nesting: real front matter is a few dozen nodes.
    private const int MaxNodes = 10_000;
    private const int MaxDepth = 32;

    /// <summary>Splits off front matter: only a '---' on line 1 opens it; a later '---' is Markdown.</summary>
    public static SplitDocument? Split(string text, DiagnosticBag diagnostics)
    {
        if (!IsFence(FirstLine(text, 0), "---"))
        {
            return new SplitDocument(null, 0, text, 1);
        }

        var lineStart = text.IndexOf('\n') + 1;
        var line = 2;
        while (lineStart > 0 && lineStart <= text.Length)
        {
            var current = FirstLine(text, lineStart);
            if (IsFence(current, "---") || IsFence(current, "..."))
            {
                var yaml = text[(text.IndexOf('\n') + 1)..lineStart];
                var bodyStart = Math.Min(text.Length, lineStart + current.Length + 1);
                return new SplitDocument(yaml, 2, text[bodyStart..], line + 1);
            }

            var next = text.IndexOf('\n', lineStart);
            lineStart = next < 0 ? -1 : next + 1;
            line++;
        }

        diagnostics.Error(1, 1, "front matter opened with '---' on line 1 is never closed; expected a line '---' after the YAML");
        return null;
    }

    /// <summary>Parses a YAML mapping whose first line is <paramref name="firstLine"/> of the file; null when it is not valid YAML.</summary>
    public static FrontMatterFields? Parse(string yaml, int firstLine, DiagnosticBag diagnostics)
    {
        var fields = new FrontMatterFields();
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return fields;
        }

        var lineOffset = firstLine - 1;
        if (!YamlText.TryLoad(yaml, diagnostics, "front matter", "", lineOffset, out var root))
        {
            return null;
        }

        if (root is null)
        {
            return fields;
        }

        var reader = new FieldReader(fields, diagnostics, lineOffset);
        if (root is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return fields;
        }

        if (root is not YamlMappingNode mapping)
        {
            reader.Fail(root, $"front matter must be a mapping of keys to values; got {Describe(root)}");
            return null;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } rawKey })
            {
                reader.Fail(keyNode, $"front matter keys must be plain names; got {Describe(keyNode)}");
                continue;
            }

            reader.Read(rawKey, value);
        }

        return diagnostics.HasErrors ? null : fields;
    }

    /// <summary>A node described for a message: "a list", "a mapping", "'text'".</summary>
    internal static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode scalar => $"'{Shorten(scalar.Value!)}'",
        _ => "an alias",
    };

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";

    private static string FirstLine(string text, int start)
    {
        var end = text.IndexOf('\n', start);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static bool IsFence(string line, string fence) =>
        line.StartsWith(fence, StringComparison.Ordinal) && line.AsSpan(fence.Length).IsWhiteSpace();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[Tt ](?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?))?\s*(?<zone>Z|z|[+-]\d{2}(?::?\d{2})?)?$")]
    private static partial Regex DatePattern();

    /// <summary>Reads an ISO date, with or without time and offset; the clock time is kept as written.</summary>
    public static bool TryParseDate(string text, out DateTime value, out bool hasTime)
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

    private sealed class FieldReader(FrontMatterFields fields, DiagnosticBag diagnostics, int lineOffset)
    {
        private int _nodes;

        public void Fail(YamlNode node, string message) =>
            diagnostics.Error((int)node.Start.Line + lineOffset, (int)node.Start.Column, message);

        private SourceLocation At(YamlNode node) => new(diagnostics.Path, (int)node.Start.Line + lineOffset, (int)node.Start.Column);

        public void Read(string rawKey, YamlNode value)
        {
            var key = Canonical(rawKey) switch
            {
                "type" => "kind",
                "examcode" => "code",
                "verifyurl" or "credentialurl" => "verificationurl",
                "weight" => "order",
                "modulesplanned" => "plannedmodules",
                "expiry" or "expirydate" or "validuntil" => "expires",
                var canonical => canonical,
            };
            fields.Locations[key] = At(value);
            switch (key)
            {
                case "title": fields.Title = Text(rawKey, value); break;
                case "description": fields.Description = Text(rawKey, value); break;
                case "summary": fields.Summary = Text(rawKey, value); break;
                case "category": fields.Category = Text(rawKey, value); break;
                case "slug": fields.Slug = SlugText(rawKey, value); break;
                case "kind": fields.Kind = Text(rawKey, value)?.ToLowerInvariant(); break;
                case "issuer": fields.Issuer = Text(rawKey, value); break;
                case "provider": fields.Provider = Text(rawKey, value); break;
                case "code": fields.Code = Text(rawKey, value); break;
                case "status": fields.Status = Text(rawKey, value); break;
                case "credentialid": fields.CredentialId = Text(rawKey, value); break;
                case "verificationurl": fields.VerificationUrl = Url(rawKey, value); break;
                case "guide": fields.Guide = SlugText(rawKey, value); break;
                case "duration": fields.Duration = Text(rawKey, value); break;
                case "funding": fields.Funding = Text(rawKey, value); break;
                case "draft": fields.Draft = Boolean(rawKey, value); break;
                case "order": fields.Order = Integer(rawKey, value, 0, 1_000_000); break;
                case "validyears": fields.ValidYears = Integer(rawKey, value, 1, 100); break;
                case "plannedmodules": fields.PlannedModules = Integer(rawKey, value, 0, 1000); break;
                case "date":
                    if (Date(rawKey, value) is { } date)
                    {
                        fields.Date = date.Value;
                        fields.DateHasTime = date.HasTime;
                    }

                    break;
                case "expires":
                    fields.Expires = Date(rawKey, value)?.Value;
                    break;
                case "tags":
                    Tags(rawKey, value);
                    break;
                default:
                    if (Flatten(value, 0) is { } flat)
                    {
                        fields.Extra[rawKey] = flat;
                    }

                    break;
            }
        }

        // "credential_id", "credential-id" and "credentialId" are one key.
        private static string Canonical(string key) =>
            string.Concat(key.Where(char.IsLetterOrDigit)).ToLowerInvariant();

        private string? Text(string key, YamlNode value)
        {
            if (value is YamlScalarNode scalar)
            {
                return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
            }

            Fail(value, $"'{key}' must be text; got {Describe(value)}");
            return null;
        }

        private string? SlugText(string key, YamlNode value)
        {
            var text = Text(key, value);
            if (text is not null && !Content.Text.Slug.IsValid(text))
            {
                Fail(value, $"'{key}' must be a slug of lower-case letters, digits and hyphens (like '{Content.Text.Slug.From(text)}'); got '{Shorten(text)}'");
                return null;
            }

            return text;
        }

        private string? Url(string key, YamlNode value)
        {
            var text = Text(key, value);
            if (text is not null && !(Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                Fail(value, $"'{key}' must be an http or https URL; got '{Shorten(text)}'");
                return null;
            }

            return text;
        }

        private bool? Boolean(string key, YamlNode value)
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

        private int? Integer(string key, YamlNode value, int min, int max)
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

        private (DateTime Value, bool HasTime)? Date(string key, YamlNode value)
        {
            var text = Text(key, value);
            if (text is null)
            {
                return null;
            }

            if (TryParseDate(text, out var date, out var hasTime))
            {
                return (date, hasTime);
            }

            Fail(value, $"'{key}' must be a date like 2024-03-05, optionally with a time and offset like 2024-03-05T14:30:00+01:00; got '{Shorten(text)}'");
            return null;
        }

        private void Tags(string key, YamlNode value)
        {
            switch (value)
            {
                case YamlScalarNode scalar:
                    foreach (var name in (scalar.Value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    {
                        fields.Tags.Add(name);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        if (item is YamlScalarNode { Value: { } name } && !string.IsNullOrWhiteSpace(name))
                        {
                            fields.Tags.Add(name.Trim());
                        }
                        else if (item is not YamlScalarNode)
                        {
                            Fail(item, $"each of '{key}' must be a tag name; got {Describe(item)}");
                        }
                    }

                    break;
                default:
                    Fail(value, $"'{key}' must be a list of tag names or a comma-separated text; got {Describe(value)}");
                    break;
            }
        }

        private string? Flatten(YamlNode node, int depth)
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
    }
}
