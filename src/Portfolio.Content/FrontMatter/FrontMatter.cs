using System.Reflection;
using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.FrontMatter;

/// <summary>The fields of a file's front matter (or of its sidecar YAML file), each with the position of its value.</summary>
public sealed class FrontMatterFields
{
    /// <summary>Where each field's value was written, by its canonical key (for example "guide" or "credentialid").</summary>
    public Dictionary<string, SourceLocation> Locations { get; } = new(StringComparer.Ordinal);

    public string? Title { get; set; }

    public DateTime? Date { get; set; }

    /// <summary>True when the date was written with a time of day.</summary>
    public bool DateHasTime { get; set; }

    public List<string> Tags { get; } = [];

    public string? Description { get; set; }

    public string? Summary { get; set; }

    public string? Category { get; set; }

    public bool? Draft { get; set; }

    public string? Slug { get; set; }

    public string? Kind { get; set; }

    public int? Order { get; set; }

    public string? Issuer { get; set; }

    public string? Provider { get; set; }

    public string? Code { get; set; }

    public string? Status { get; set; }

    public string? CredentialId { get; set; }

    public DateTime? Expires { get; set; }

    /// <summary>The day of the exam planned for a certification in preparation.</summary>
    public DateTime? ExamDate { get; set; }

    public int? ValidYears { get; set; }

    public string? VerificationUrl { get; set; }

    public string? Guide { get; set; }

    /// <summary>A certification's badge file, as written ("badges/aws-ml.png").</summary>
    public string? Badge { get; set; }

    public string? Duration { get; set; }

    public string? Funding { get; set; }

    public int? PlannedModules { get; set; }

    /// <summary>When the page was last changed: lastmod, updated, last_update.date or last_modified_at.</summary>
    public DateTime? Updated { get; set; }

    /// <summary>The page's preview picture as written: image, cover, featured_image, thumbnail or the first of images.</summary>
    public string? Image { get; set; }

    /// <summary>A short text written for the page (Jekyll's excerpt), used where no summary is given.</summary>
    public string? Excerpt { get; set; }

    /// <summary>Jekyll's published; false makes the entry a draft.</summary>
    public bool? Published { get; set; }

    /// <summary>The page's authors, from author or authors.</summary>
    public List<string> Authors { get; } = [];

    /// <summary>Hugo's keywords: the tags of a page that has no tags.</summary>
    public List<string> Keywords { get; } = [];

    /// <summary>A permalink that is a path ("/blog/post/"): an old address of the page, and its slug when nothing else gives one.</summary>
    public OldAddress? Permalink { get; set; }

    /// <summary>Old addresses of the page from aliases or redirect_from, as site paths.</summary>
    public List<OldAddress> Aliases { get; } = [];

    /// <summary>The values of type, layout and template that did not set the kind, for the loader to weigh against the folder.</summary>
    public List<TemplateName> Templates { get; } = [];

    /// <summary>Keys this project does not interpret, kept as text (lists joined with ", ") for views.</summary>
    public Dictionary<string, string> Extra { get; } = new(StringComparer.Ordinal);

    /// <summary>Where a field's value was written, or the fallback when it was not.</summary>
    public SourceLocation LocationOf(string key, SourceLocation fallback) =>
        Locations.TryGetValue(key, out var location) ? location : fallback;

    private static readonly PropertyInfo[] Mergeable = typeof(FrontMatterFields).GetProperties()
        .Where(p => p.CanWrite && p.Name != nameof(DateHasTime))
        .ToArray();

    /// <summary>Takes the fields this one lacks from a sidecar file; reports the fields both set, where this one wins.</summary>
    public void MergeFrom(FrontMatterFields sidecar, DiagnosticBag sidecarDiagnostics)
    {
        foreach (var property in Mergeable)
        {
            var key = property.Name.ToLowerInvariant();
            if (property.GetValue(sidecar) is null)
            {
                continue;
            }

            if (property.GetValue(this) is null)
            {
                property.SetValue(this, property.GetValue(sidecar));
                Locations[key] = sidecar.Locations[key];
                DateHasTime = key == "date" ? sidecar.DateHasTime : DateHasTime;
            }
            else
            {
                var at = sidecar.Locations[key];
                sidecarDiagnostics.Warning(at.Line, at.Column, $"'{key}' is also set in the Markdown file's front matter, which wins");
            }
        }

        MergeList(Tags, sidecar.Tags, "tags");
        MergeList(Authors, sidecar.Authors, "authors");
        MergeList(Keywords, sidecar.Keywords, "keywords");
        MergeList(Aliases, sidecar.Aliases, "aliases");
        Templates.AddRange(sidecar.Templates);

        foreach (var (key, value) in sidecar.Extra)
        {
            Extra.TryAdd(key, value);
        }

        void MergeList<T>(List<T> mine, List<T> theirs, string key)
        {
            if (mine.Count == 0)
            {
                mine.AddRange(theirs);
            }
            else if (theirs.Count > 0)
            {
                var at = sidecar.Locations[key];
                sidecarDiagnostics.Warning(at.Line, at.Column, $"'{key}' is also set in the Markdown file's front matter, which wins");
            }
        }
    }
}

/// <summary>An old address of a page, as a site path ("/blog/post"), and where it was written.</summary>
public readonly record struct OldAddress(string Path, SourceLocation At);

/// <summary>A type, layout or template named in front matter ("layout: post"), and where.</summary>
public readonly record struct TemplateName(string Key, string Value, SourceLocation At);

/// <summary>A 1-based line and column in a file.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column);
