using System.Text.Json;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.FrontMatter;
using YamlDotNet.RepresentationModel;

namespace Portfolio.Content.Loading;

/// <summary>A profile link in the site file: "GitHub" → https://github.com/….</summary>
public sealed record SiteLink(string Label, string Url);

/// <summary>Who the portfolio belongs to, from content/site.yml: name, headline, a few lines about them, and profile links.</summary>
public sealed class SiteProfile
{
    /// <summary>The file name at the top of the content folder.</summary>
    public const string FileName = "site.yml";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Keys = ["name", "headline", "bio", "location", "email", "links"];

    public string Name { get; set; } = "Your Name";

    public string? Headline { get; set; }

    public string? Bio { get; set; }

    public string? Location { get; set; }

    public string? Email { get; set; }

    public List<SiteLink> Links { get; set; } = [];

    /// <summary>The profile as stored in the database.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A stored profile, or the placeholder when there is none.</summary>
    public static SiteProfile FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? new SiteProfile() : JsonSerializer.Deserialize<SiteProfile>(json, Json) ?? new SiteProfile();

    /// <summary>Reads the site file; a bad field is reported at its line and left at its default, the others are kept.</summary>
    public static SiteProfile Parse(string text, DiagnosticBag diagnostics)
    {
        var profile = new SiteProfile();
        if (!YamlText.TryLoad(text, diagnostics, "site.yml", "; the placeholder profile is shown", 0, out var loaded))
        {
            return profile;
        }

        var root = loaded ?? new YamlMappingNode();
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error((int)root.Start.Line, (int)root.Start.Column, "site.yml must be a mapping with name, headline, bio, location, email and links");
            return profile;
        }

        string? Text(YamlNode value, string key)
        {
            if (value is YamlScalarNode scalar)
            {
                return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
            }

            diagnostics.Error((int)value.Start.Line, (int)value.Start.Column, $"'{key}' must be text; got {Describe(value)}");
            return null;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "name": profile.Name = Text(value, key) ?? profile.Name; break;
                case "headline": profile.Headline = Text(value, key); break;
                case "bio": profile.Bio = Text(value, key); break;
                case "location": profile.Location = Text(value, key); break;
                case "email": profile.Email = Text(value, key); break;
                case "links": profile.Links = ReadLinks(value, diagnostics); break;
                default:
                    diagnostics.Warning((int)keyNode.Start.Line, (int)keyNode.Start.Column,
                        $"unknown key '{key}' in site.yml is ignored; expected {string.Join(", ", Keys)}");
                    break;
            }
        }

        if (!mapping.Children.ContainsKey(new YamlScalarNode("name")))
        {
            diagnostics.Warning(1, 1, $"site.yml has no 'name'; the site shows '{profile.Name}'");
        }

        return profile;
    }

    private static List<SiteLink> ReadLinks(YamlNode value, DiagnosticBag diagnostics)
    {
        var links = new List<SiteLink>();
        if (value is not YamlSequenceNode sequence)
        {
            diagnostics.Error((int)value.Start.Line, (int)value.Start.Column, $"'links' must be a list of 'label' and 'url' pairs; got {Describe(value)}");
            return links;
        }

        var problems = new ListProblems(diagnostics);
        foreach (var item in sequence.Children)
        {
            var label = (item as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("label"), out var l) == true ? (l as YamlScalarNode)?.Value : null;
            var url = (item as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("url"), out var u) == true ? (u as YamlScalarNode)?.Value : null;
            if (string.IsNullOrWhiteSpace(label) || string.IsNullOrWhiteSpace(url))
            {
                problems.Error((int)item.Start.Line, (int)item.Start.Column, "each link must have a 'label' and a 'url'");
                continue;
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http" or "mailto"))
            {
                problems.Error((int)item.Start.Line, (int)item.Start.Column, $"the 'url' of '{label}' must be an http, https or mailto URL; got '{url}'");
                continue;
            }

            links.Add(new SiteLink(label.Trim(), url.Trim()));
        }

        problems.Report();

        return links;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "something else",
    };
}
