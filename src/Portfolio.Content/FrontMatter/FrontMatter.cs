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

    public int? ValidYears { get; set; }

    public string? VerificationUrl { get; set; }

    public string? Guide { get; set; }

    public string? Duration { get; set; }

    public string? Funding { get; set; }

    public int? PlannedModules { get; set; }

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

        if (Tags.Count == 0)
        {
            Tags.AddRange(sidecar.Tags);
        }
        else if (sidecar.Tags.Count > 0)
        {
            var at = sidecar.Locations["tags"];
            sidecarDiagnostics.Warning(at.Line, at.Column, "'tags' is also set in the Markdown file's front matter, which wins");
        }

        foreach (var (key, value) in sidecar.Extra)
        {
            Extra.TryAdd(key, value);
        }
    }
}

/// <summary>A 1-based line and column in a file.</summary>
public readonly record struct SourceLocation(string Path, int Line, int Column);
