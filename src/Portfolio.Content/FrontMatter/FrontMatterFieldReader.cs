using System.Globalization;
using Portfolio.Content.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Portfolio.Content.FrontMatter;

/// <summary>Reads front matter's values into typed fields, reporting each bad value at its line and column.</summary>
internal sealed class FrontMatterFieldReader(FrontMatterFields fields, DiagnosticBag diagnostics, int lineOffset)
{
    // Guards against alias bombs and absurd nesting: real front matter is a few dozen nodes.
    private const int MaxNodes = 10_000;
    private const int MaxDepth = 32;

    private int _nodes;

    /// <summary>Reports an error at the node's line and column.</summary>
    public void Fail(YamlNode node, string message) =>
        diagnostics.Error((int)node.Start.Line + lineOffset, (int)node.Start.Column, message);

    private SourceLocation At(YamlNode node) => new(diagnostics.Path, (int)node.Start.Line + lineOffset, (int)node.Start.Column);

    /// <summary>Reads one key's value into its field (aliases such as 'type' for 'kind' included); unknown keys are kept as text.</summary>
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

        if (IsoDate.TryParse(text, out var date, out var hasTime))
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

    /// <summary>A node described for a message: "a list", "a mapping", "'text'".</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode { Value: null or "" } => "nothing",
        YamlScalarNode scalar => $"'{Shorten(scalar.Value!)}'",
        _ => "an alias",
    };

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..57] + "...";
}
