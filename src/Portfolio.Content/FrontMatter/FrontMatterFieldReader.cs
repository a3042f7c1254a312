using Portfolio.Content.Diagnostics;
using Portfolio.Content.Text;
using YamlDotNet.RepresentationModel;

namespace Portfolio.Content.FrontMatter;

/// <summary>Reads front matter's values into typed fields, reporting each bad value at its line and column.</summary>
internal sealed class FrontMatterFieldReader(FrontMatterFields fields, DiagnosticBag diagnostics, int lineOffset)
{
    private readonly FrontMatterValueReader _values = new(diagnostics, lineOffset);

    /// <summary>Reports an error at the node's line and column.</summary>
    public void Fail(YamlNode node, string message) => _values.Fail(node, message);

    // Where Hugo's cover, Jekyll's image and others keep the picture when they make it a mapping.
    private static readonly string[] ImageKeys = ["image", "path", "src", "url"];

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
            _values.Warn(value, $"'{rawKey}' is ignored: the page's preview image is already set above it");
            return;
        }

        // 'date' itself wins over Astro's pubDate and Hugo's publishDate, whichever comes first.
        if (key == "date" && Canonical(rawKey) != "date" && fields.Locations.ContainsKey("date"))
        {
            return;
        }

        fields.Locations[key] = _values.At(value);
        switch (key)
        {
            case "title": fields.Title = _values.Text(rawKey, value); break;
            case "description": fields.Description = _values.Text(rawKey, value); break;
            case "summary": fields.Summary = _values.Text(rawKey, value); break;
            case "category": fields.Category = _values.Text(rawKey, value); break;
            case "slug": fields.Slug = SlugOrPath(rawKey, value); break;
            case "kind": fields.Kind = _values.Text(rawKey, value)?.ToLowerInvariant(); break;
            case "issuer": fields.Issuer = _values.Text(rawKey, value); break;
            case "provider": fields.Provider = _values.Text(rawKey, value); break;
            case "code": fields.Code = _values.Text(rawKey, value); break;
            case "status": fields.Status = _values.Text(rawKey, value); break;
            case "credentialid": fields.CredentialId = _values.Text(rawKey, value); break;
            case "verificationurl": fields.VerificationUrl = _values.Url(rawKey, value); break;
            case "guide": fields.Guide = _values.SlugText(rawKey, value); break;
            case "badge": fields.Badge = _values.Text(rawKey, value); break;
            case "duration": fields.Duration = _values.Text(rawKey, value); break;
            case "funding": fields.Funding = _values.Text(rawKey, value); break;
            case "draft": fields.Draft = _values.Boolean(rawKey, value); break;
            case "published": fields.Published = _values.Boolean(rawKey, value); break;
            // Hugo's weights may be negative, to put a page first.
            case "order": fields.Order = _values.Integer(rawKey, value, Canonical(rawKey) == "weight" ? -1_000_000 : 0, 1_000_000); break;
            case "validyears": fields.ValidYears = _values.Integer(rawKey, value, 1, 100); break;
            case "plannedmodules": fields.PlannedModules = _values.Integer(rawKey, value, 0, 1000); break;
            case "date":
                if (_values.Date(rawKey, value) is { } date)
                {
                    fields.Date = date.Value;
                    fields.DateHasTime = date.HasTime;
                }

                break;
            case "expires":
                fields.Expires = _values.Date(rawKey, value)?.Value;
                break;
            case "examdate":
                fields.ExamDate = _values.Day(rawKey, value);
                break;
            case "tags":
                fields.Tags.AddRange(_values.Names(rawKey, value, "a tag name", "tag names", strict: true));
                break;
            case "keywords":
                fields.Keywords.AddRange(_values.Names(rawKey, value, "a keyword", "keywords", strict: false));
                break;
            case "authors":
                fields.Authors.AddRange(_values.Items(rawKey, value, "a name (or a mapping with a 'name')", node => FrontMatterValueReader.NameOf(node), strict: false));
                break;
            case "aliases":
                Aliases(rawKey, value);
                break;
            case "permalink":
                Permalink(rawKey, value);
                break;
            case "type" or "layout" or "template":
                if (_values.ForeignText(rawKey, value) is { } template)
                {
                    fields.Templates.Add(new TemplateName(rawKey, template, _values.At(value)));
                }

                break;
            case "updated":
                fields.Updated = Updated(rawKey, value);
                break;
            case "image":
                fields.Image = ImagePath(rawKey, value);
                break;
            case "excerpt":
                fields.Excerpt = _values.ForeignText(rawKey, value);
                break;
            default:
                if (_values.Flatten(value, 0) is { } flat)
                {
                    fields.Extra[rawKey] = flat;
                }

                break;
        }
    }

    // "credential_id", "credential-id" and "credentialId" are one key.
    private static string Canonical(string key) =>
        string.Concat(key.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>A slug, or a path someone else's generator took for one ("/blog/post/"), made into the slug its last segment gives.</summary>
    private string? SlugOrPath(string key, YamlNode value)
    {
        var text = _values.Text(key, value);
        if (text is null || Content.Text.Slug.IsValid(text) || !text.Contains('/', StringComparison.Ordinal))
        {
            return text is null ? null : _values.SlugText(key, value);
        }

        var slug = OldAddressPaths.Normalize(text, out _) is { } path ? OldAddressPaths.SlugOf(path) : "";
        if (slug.Length == 0)
        {
            return _values.SlugText(key, value);
        }

        _values.Warn(value, $"'{key}' is a path ('{FrontMatterValueReader.Shorten(text)}'); the slug is '{slug}'");
        return slug;
    }

    /// <summary>Jekyll's and Hugo's permalink: a path is an old address of the page (the loader also takes a slug from it); a pattern says nothing of one page.</summary>
    private void Permalink(string key, YamlNode value)
    {
        if (_values.ForeignText(key, value) is not { } text)
        {
            return;
        }

        if (text.Contains(':', StringComparison.Ordinal) && !text.Contains("://", StringComparison.Ordinal))
        {
            _values.Warn(value, $"'{key}' is a pattern ('{FrontMatterValueReader.Shorten(text)}') and is ignored: the address comes from the folder and file name");
        }
        else if (OldAddressPaths.Normalize(text, out var problem) is { } path)
        {
            fields.Permalink = new OldAddress(path, _values.At(value));
        }
        else
        {
            _values.Warn(value, $"'{key}' '{FrontMatterValueReader.Shorten(text)}' is ignored: {problem}");
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
                fields.Aliases.Add(new OldAddress(path, _values.At(node)));
            }
            else if (node is not YamlScalarNode)
            {
                problems.Warning(_values.LineOf(node, value), FrontMatterValueReader.ColumnOf(node, value), $"{FrontMatterValueReader.Each(key, isList)} must be an address on this site like /old/page/; got {FrontMatterValueReader.Describe(node)}; ignored");
            }
            else if (!string.IsNullOrWhiteSpace(text))
            {
                problems.Warning(_values.LineOf(node, value), FrontMatterValueReader.ColumnOf(node, value), $"{FrontMatterValueReader.Each(key, isList)} must be an address on this site like /old/page/; '{FrontMatterValueReader.Shorten(text)}' is not: {problem}; ignored");
            }
        }

        problems.Report();
    }

    /// <summary>The date the page last changed: a date, or Docusaurus's mapping with a 'date'; a bad one is reported and ignored.</summary>
    private DateTime? Updated(string key, YamlNode value)
    {
        if (value is YamlMappingNode mapping)
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode("date"), out var date))
            {
                _values.Warn(value, $"'{key}' must be a date, or a mapping with a 'date'; ignored");
                return null;
            }

            value = date;
        }

        var text = _values.ForeignText(key, value);
        if (text is null)
        {
            return null;
        }

        if (IsoDate.TryParse(text, out var parsed, out _))
        {
            return parsed;
        }

        _values.Warn(value, $"'{key}' must be a date like 2024-03-05; got '{FrontMatterValueReader.Shorten(text)}'; ignored");
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
            _values.Warn(value, $"'{key}' must be the path of a picture, or a mapping with an 'image'; got {FrontMatterValueReader.Describe(value)}; ignored");
            return null;
        }

        return _values.ForeignText(key, node);
    }
}
