using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Portfolio.Web.Services.Outbound;

/// <summary>A résumé in JSON Resume 1.0 (jsonresume.org/schema): the sections the portfolio has something for.</summary>
public sealed record JsonResume(
    [property: JsonPropertyName("$schema")] string Schema,
    ResumeBasics Basics,
    IReadOnlyList<ResumeEducation> Education,
    IReadOnlyList<ResumeCertificate> Certificates,
    IReadOnlyList<ResumeProject> Projects,
    IReadOnlyList<ResumeSkill> Skills,
    ResumeMeta Meta)
{
    /// <summary>The schema a JSON Resume 1.0 document names.</summary>
    public const string SchemaUrl = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

    public const string MediaType = "application/json; charset=utf-8";

    // Letters of any script as they are; what HTML treats specially stays escaped.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}

public sealed record ResumeBasics(string Name, string? Label, string? Email, string Url, string? Summary, ResumeLocation? Location, IReadOnlyList<ResumeProfile> Profiles);

/// <summary>Where the owner lives, as free text.</summary>
public sealed record ResumeLocation(string Address);

public sealed record ResumeProfile(string Network, string? Username, string Url);

public sealed record ResumeEducation(string? Institution, string Url, string Area, string? StudyType, string? EndDate);

public sealed record ResumeCertificate(string Name, string? Date, string? Issuer, string Url);

public sealed record ResumeProject(string Name, string? Description, IReadOnlyList<string> Highlights, IReadOnlyList<string> Keywords, string Url, string? Entity);

public sealed record ResumeSkill(string Name, string Level);

public sealed record ResumeMeta(string Canonical, string Version, string LastModified);
