using System.Globalization;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Text;
using YamlDotNet.RepresentationModel;

namespace Portfolio.Content.FrontMatter;

/// <summary>Reads front matter's values into typed fields, reporting each bad value at its line and column.</summary>
internal sealed class FrontMatterFieldReader(FrontMatterFields fields, DiagnosticBag diagnostics, int lineOffset)
{
    // Guards against alias bombs and absurd nesting: real front matter is a few dozen nodes.
    private const int MaxNodes = 10_000;
    private const int MaxDepth = 32;

    private int _nodes;

    // Where Hugo's cover, Jekyll's image and others keep the picture when they make it a mapping.
    private static readonly string[] ImageKeys = ["image", "path", "src", "url"];

    /// <summary>Reports an error at the node's line and column.</summary>
    public void Fail(YamlNode node, string message) =>
        diagnostics.Error((int)node.Start.Line + lineOffset, (int)node.Start.Column, message);

    private void Warn(YamlNode node, string message) =>
        diagnostics.Warning((int)node.Start.Line + lineOffset, (int)node.Start.Column, message);

    private SourceLocation At(YamlNode node) => new(diagnostics.Path, (int)node.Start.Line + lineOffset, (int)node.Start.Column);

    /// <summary>Reads one key's value into its field (aliases such as 'weight' for 'order' included); unknown keys are kept as text.</summary>
    public void Read(string rawKey, YamlNode value)
    {
        var key = Canonical(rawKey) switch
        {
            "examcode" => "code",
            "verifyurl" or "credentialurl" => "verificationurl",
            "weight" => "order",
            "modulesplanned" => "plannedmodules",
            "expiry" or "expirydate" or "validuntil" => "expires",
            "author" => "authors",
            "redirectfrom" => "aliases",
            "pubdate" or "publishdate" => "date",
            "lastmod" or "lastupdate" or "lastmodified" or "lastmodifiedat" or "updateddate" => "updated",
            "cover" or "featuredimage" or "thumbnail" or "images" or "heroimage" => "image",
            var canonical => canonical,
        };
        if (key == "image" && fields.Image is not null)
        {
            Warn(value, $"'{rawKey}' is ignored: the page's preview image is already set above it");
            return;
        }

        // 'date' itself wins over Astro's pubDate and Hugo's publishDate, whichever comes first.
        if (key == "date" && Canonical(rawKey) != "date" && fields.Locations.ContainsKey("date"))
        {
            return;
        }

        fields.Locations[key] = At(value);
        switch (key)
        {
            case "title": fields.Title = Text(rawKey, value); break;
            case "description": fields.Description = Text(rawKey, value); break;
            case "summary": fields.Summary = Text(rawKey, value); break;
            case "category": fields.Category = Text(rawKey, value); break;
            case "slug": fields.Slug = SlugOrPath(rawKey, value); break;
            case "kind": fields.Kind = Text(rawKey, value)?.ToLowerInvariant(); break;
            case "issuer": fields.Issuer = Text(rawKey, value); break;
            case "provider": fields.Provider = Text(rawKey, value); break;
            case "code": fields.Code = Text(rawKey, value); break;
            case "status": fields.Status = Text(rawKey, value); break;
            case "credentialid": fields.CredentialId = Text(rawKey, value); break;
            case "verificationurl": fields.VerificationUrl = Url(rawKey, value); break;
            case "guide": fields.Guide = SlugText(rawKey, value); break;
            case "badge": fields.Badge = Text(rawKey, value); break;
            case "duration": fields.Duration = Text(rawKey, value); break;
            case "funding": fields.Funding = Text(rawKey, value); break;
            case "draft": fields.Draft = Boolean(rawKey, value); break;
            case "published": fields.Published = Boolean(rawKey, value); break;
            // Hugo's weights may be negative, to put a page first.
            case "order": fields.Order = Integer(rawKey, value, Canonical(rawKey) == "weight" ? -1_000_000 : 0, 1_000_000); break;
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
            case "examdate":
                fields.ExamDate = Day(rawKey, value);
                break;
            case "tags":
                fields.Tags.AddRange(Names(rawKey, value, "a tag name", "tag names", strict: true));
                break;
            case "keywords":
                fields.Keywords.AddRange(Names(rawKey, value, "a keyword", "keywords", strict: false));
                break;
            case "authors":
                fields.Authors.AddRange(Items(rawKey, value, "a name (or a mapping with a 'name')", node => NameOf(node), strict: false));
                break;
            case "aliases":
                Aliases(rawKey, value);
                break;
            case "permalink":
                Permalink(rawKey, value);
                break;
            case "type" or "layout" or "template":
                if (ForeignText(rawKey, value) is { } template)
                {
                    fields.Templates.Add(new TemplateName(rawKey, template, At(value)));
                }

                break;
            case "updated":
                fields.Updated = Updated(rawKey, value);
                break;
            case "image":
                fields.Image = ImagePath(rawKey, value);
                break;
            case "excerpt":
                fields.Excerpt = ForeignText(rawKey, value);
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

    private string? Text(string key, YamlNode value) => Text(key, value, strict: true);

    /// <summary>Text for a key this site reads but does not need: anything else is reported and ignored, never an error.</summary>
    private string? ForeignText(string key, YamlNode value) => Text(key, value, strict: false);

    private string? Text(string key, YamlNode value, bool strict)
    {
        if (value is YamlScalarNode scalar)
        {
            return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
        }

        Report(strict, value, $"'{key}' must be text; got {Describe(value)}{Ignored(strict)}");
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

    /// <summary>A slug, or a path someone else's generator took for one ("/blog/post/"), made into the slug its last segment gives.</summary>
    private string? SlugOrPath(string key, YamlNode value)
    {
        var text = Text(key, value);
        if (text is null || Content.Text.Slug.IsValid(text) || !text.Contains('/', StringComparison.Ordinal))
        {
            return text is null ? null : SlugText(key, value);
        }

        var slug = OldAddressPaths.Normalize(text, out _) is { } path ? OldAddressPaths.SlugOf(path) : "";
        if (slug.Length == 0)
        {
            return SlugText(key, value);
        }

        Warn(value, $"'{key}' is a path ('{Shorten(text)}'); the slug is '{slug}'");
        return slug;
    }

    /// <summary>Jekyll's and Hugo's permalink: a path is an old address of the page (the loader also takes a slug from it); a pattern says nothing of one page.</summary>
    private void Permalink(string key, YamlNode value)
    {
        if (ForeignText(key, value) is not { } text)
        {
            return;
        }

        if (text.Contains(':', StringComparison.Ordinal) && !text.Contains("://", StringComparison.Ordinal))
        {
            Warn(value, $"'{key}' is a pattern ('{Shorten(text)}') and is ignored: the address comes from the folder and file name");
        }
        else if (OldAddressPaths.Normalize(text, out var problem) is { } path)
        {
            fields.Permalink = new OldAddress(path, At(value));
        }
        else
        {
            Warn(value, $"'{key}' '{Shorten(text)}' is ignored: {problem}");
        }
    }

    /// <summary>Hugo's aliases and Jekyll's redirect_from: old addresses, each answered with a redirect to the page.</summary>
    private void Aliases(string key, YamlNode value)
    {
        var isList = value is YamlSequenceNode;
        var problems = new ListProblems(diagnostics);
        foreach (var node in value is YamlSequenceNode sequence ? sequence.Children : [value])
        {
            var text = node is YamlScalarNode scalar ? scalar.Value : null;
            string? problem = null;
            var path = string.IsNullOrWhiteSpace(text) ? null : OldAddressPaths.Normalize(text, out problem);
            if (path is not null)
            {
                fields.Aliases.Add(new OldAddress(path, At(node)));
            }
            else if (node is not YamlScalarNode)
            {
                problems.Warning(LineOf(node, value), ColumnOf(node, value), $"{Each(key, isList)} must be an address on this site like /old/page/; got {Describe(node)}; ignored");
            }
            else if (!string.IsNullOrWhiteSpace(text))
            {
                problems.Warning(LineOf(node, value), ColumnOf(node, value), $"{Each(key, isList)} must be an address on this site like /old/page/; '{Shorten(text)}' is not: {problem}; ignored");
            }
        }

        problems.Report();
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

    /// <summary>A day, for a date the calendar shows as an all-day event: a time of day is reported and left out.</summary>
    private DateTime? Day(string key, YamlNode value)
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
    private List<string> Names(string key, YamlNode value, string what, string plural, bool strict)
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
    private List<string> Items(string key, YamlNode value, string what, Func<YamlNode, string?> read, bool strict)
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

    private static string Each(string key, bool isList) => isList ? $"each of '{key}'" : $"'{key}'";

    // An item that is a YAML alias (*name) is the node its anchor named, written elsewhere: it is placed at its list.
    private static YamlNode Placed(YamlNode item, YamlNode list) => item.Start.CompareTo(list.Start) < 0 ? list : item;

    private int LineOf(YamlNode item, YamlNode list) => (int)Placed(item, list).Start.Line + lineOffset;

    private static int ColumnOf(YamlNode item, YamlNode list) => (int)Placed(item, list).Start.Column;

    /// <summary>A name as text, or the 'name' (or <paramref name="alsoKey"/>) of a mapping, as Docusaurus writes authors and tags; "" for a blank one, null for none.</summary>
    private static string? NameOf(YamlNode node, string? alsoKey = null) => node switch
    {
        YamlScalarNode scalar => scalar.Value?.Trim() ?? "",
        YamlMappingNode mapping => new[] { "name", alsoKey }.OfType<string>()
            .Select(key => mapping.Children.TryGetValue(new YamlScalarNode(key), out var name) && name is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null)
            .FirstOrDefault(name => name is not null),
        _ => null,
    };

    /// <summary>The date the page last changed: a date, or Docusaurus's mapping with a 'date'; a bad one is reported and ignored.</summary>
    private DateTime? Updated(string key, YamlNode value)
    {
        if (value is YamlMappingNode mapping)
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode("date"), out var date))
            {
                Warn(value, $"'{key}' must be a date, or a mapping with a 'date'; ignored");
                return null;
            }

            value = date;
        }

        var text = ForeignText(key, value);
        if (text is null)
        {
            return null;
        }

        if (IsoDate.TryParse(text, out var parsed, out _))
        {
            return parsed;
        }

        Warn(value, $"'{key}' must be a date like 2024-03-05; got '{Shorten(text)}'; ignored");
        return null;
    }

    /// <summary>A picture's path as written: text, the first of a list, or Hugo's and Jekyll's mappings (cover.image, image.path).</summary>
    private string? ImagePath(string key, YamlNode value)
    {
        var node = value switch
        {
            YamlSequenceNode sequence => sequence.Children.FirstOrDefault(),
            YamlMappingNode mapping => ImageKeys
                .Select(name => mapping.Children.TryGetValue(new YamlScalarNode(name), out var child) ? child : null)
                .FirstOrDefault(child => child is not null),
            _ => value,
        };
        if (node is null)
        {
            Warn(value, $"'{key}' must be the path of a picture, or a mapping with an 'image'; got {Describe(value)}; ignored");
            return null;
        }

        return ForeignText(key, node);
    }

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
