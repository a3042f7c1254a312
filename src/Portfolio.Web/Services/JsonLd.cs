using System.Text.Json;
using Portfolio.Content.Data;
using Portfolio.Content.Loading;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services;

/// <summary>schema.org structured data for the pages: credentials, courses, breadcrumbs and the owner.</summary>
public static class JsonLd
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>JSON for a script element: the default encoder escapes &lt; and &gt;, so no text can close the element.</summary>
    public static string Serialize(IReadOnlyDictionary<string, object?> data) => JsonSerializer.Serialize(data, Options);

    /// <summary>A JSON-LD node: its type and the properties that have values.</summary>
    public static Dictionary<string, object?> Node(string type, params (string Name, object? Value)[] properties)
    {
        var node = new Dictionary<string, object?> { ["@type"] = type };
        foreach (var (name, value) in properties)
        {
            if (value is not null && value is not string { Length: 0 } && value is not System.Collections.ICollection { Count: 0 })
            {
                node[name] = value;
            }
        }

        return node;
    }

    private static Dictionary<string, object?> Root(Dictionary<string, object?> node)
    {
        var root = new Dictionary<string, object?> { ["@context"] = "https://schema.org" };
        foreach (var (name, value) in node)
        {
            root[name] = value;
        }

        return root;
    }

    /// <summary>A certification or badge: what it is, who recognizes it, when it was earned and until when it is valid.</summary>
    public static Dictionary<string, object?> Credential(IndexedEntry entry, string url, IEnumerable<string> competencies, string category = "certification", string? image = null)
    {
        var credential = entry.Credential ?? new CredentialDetails();
        var years = entry.Kind == EntryKind.Badge ? null : CredentialValidity.ValidYears(entry.Title, credential);
        return Root(Node("EducationalOccupationalCredential",
            ("name", entry.Title),
            ("description", entry.Description),
            ("url", url),
            ("image", image),
            ("credentialCategory", category),
            ("identifier", credential.CredentialId ?? credential.Code),
            ("recognizedBy", credential.Issuer is null ? null : Node("Organization", ("name", credential.Issuer))),
            ("validFor", years is { } y ? $"P{y}Y" : null),
            ("dateCreated", entry.Date is { } date && credential.Status == CredentialStatus.Earned ? Format.Iso(date) : null),
            ("expires", CredentialValidity.ExpiresOn(entry.Kind, entry.Title, entry.Date, credential) is { } expires ? Format.Iso(expires) : null),
            ("competencyRequired", competencies.ToList()),
            ("keywords", string.Join(", ", entry.Tags.Select(t => t.Name)))));
    }

    /// <summary>A course; one author is a Person, several a list of them.</summary>
    public static Dictionary<string, object?> Course(IndexedEntry entry, string url, string? provider, IReadOnlyList<string> authors, IEnumerable<(string Title, string Url)> parts)
    {
        var people = authors.Select(name => Node("Person", ("name", name))).ToList();
        return Root(Node("Course",
            ("name", entry.Title),
            ("description", entry.Description ?? entry.Title),
            ("url", url),
            ("provider", provider is null ? null : Node("Organization", ("name", provider))),
            ("author", people.Count == 1 ? people[0] : people),
            ("keywords", string.Join(", ", entry.Tags.Select(t => t.Name))),
            ("hasPart", parts.Select(p => Node("LearningResource", ("name", p.Title), ("url", p.Url))).ToList())));
    }

    public static Dictionary<string, object?> Breadcrumbs(IEnumerable<(string Name, string Url)> trail) =>
        Root(Node("BreadcrumbList",
            ("itemListElement", trail.Select((step, i) => Node("ListItem", ("position", i + 1), ("name", step.Name), ("item", step.Url))).ToList())));

    public static Dictionary<string, object?> Person(SiteProfile site, string url, IEnumerable<(string Name, string Url)> credentials) =>
        Root(Node("Person",
            ("name", site.Name),
            ("jobTitle", site.Headline),
            ("description", site.Bio),
            ("url", url),
            ("email", site.Email is null ? null : "mailto:" + site.Email),
            ("sameAs", site.Links.Select(l => l.Url).ToList()),
            ("hasCredential", credentials.Select(c => Node("EducationalOccupationalCredential", ("name", c.Name), ("url", c.Url))).ToList())));
}
