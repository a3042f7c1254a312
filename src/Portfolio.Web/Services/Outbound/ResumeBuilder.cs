using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Outbound;

/// <summary>
/// The portfolio as a JSON Resume: the owner from site.yml, education from programs, certificates from the other
/// earned credentials, projects from capstones with their technologies, skills from the tags the CV lists.
/// </summary>
public sealed class ResumeBuilder(ContentIndexProvider indexes, PortfolioDbContext db, CredentialClock credentials, SiteAddress address)
{
    /// <summary>The last word of a program's title that says what kind of study it was ("… Nanodegree").</summary>
    private static readonly HashSet<string> StudyTypes = new(
        ["Nanodegree", "Bootcamp", "Certificate", "Diploma", "Degree", "Specialization", "Specialisation", "Course", "Program", "Programme", "MicroMasters"],
        StringComparer.OrdinalIgnoreCase);

    public async Task<JsonResume> ResumeAsync(CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var site = index.Site;
        var day = credentials.Today();
        var earned = day.ExpiredLast(index.Credentials).Where(e => e.Credential?.Status == CredentialStatus.Earned).ToList();
        var capstones = index.Entries.Where(e => e.Kind == EntryKind.Capstone)
            .OrderByDescending(e => e.Date).ThenBy(e => e.ParentId).ThenBy(e => e.Order)
            .ToList();
        // Capstone details stay in the database; the visible ones are matched by key.
        var details = await db.Entries.Where(e => e.Kind == EntryKind.Capstone)
            .Select(e => new { e.Key, e.Capstone })
            .ToDictionaryAsync(e => e.Key, e => e.Capstone, StringComparer.Ordinal, cancellationToken);

        return new JsonResume(
            JsonResume.SchemaUrl,
            new ResumeBasics(
                site.Name,
                site.Headline,
                site.Email ?? site.Links.Where(l => IsMail(l.Url)).Select(l => Uri.UnescapeDataString(l.Url["mailto:".Length..].Split('?')[0])).FirstOrDefault(),
                address.Absolute(SiteUrls.Home),
                site.Bio,
                site.Location is { } location ? new ResumeLocation(location) : null,
                site.Links.Where(l => !IsMail(l.Url))
                    .Select(l => new ResumeProfile(l.Label, Username(l.Url), l.Url)).ToList()),
            index.Credentials.Where(e => e.Kind == EntryKind.Program).Select(Education).ToList(),
            earned.Where(e => e.Kind != EntryKind.Program)
                .Select(e => new ResumeCertificate(e.Title, Iso(e.Date), e.Credential?.Issuer ?? e.Credential?.Provider, e.Credential?.VerificationUrl ?? address.Absolute(e.Url)))
                .ToList(),
            capstones.Select(e =>
            {
                var capstone = details.GetValueOrDefault(e.Key);
                return new ResumeProject(
                    e.Title,
                    capstone?.Objective ?? e.Description,
                    new[] { capstone?.Implementation, capstone?.Outcome }.OfType<string>().ToList(),
                    e.Tags.Select(t => t.Name).ToList(),
                    address.Absolute(e.Url),
                    index.ParentOf(e)?.Title);
            }).ToList(),
            index.Tags.Where(t => t.Count > 1).Select(t => new ResumeSkill(t.Name, Format.Count(t.Count, "entry", "entries"))).ToList(),
            new ResumeMeta(address.Absolute(SiteUrls.Resume), "v1.0.0", index.LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)));
    }

    /// <summary>A program: its provider is the institution; "AWS Machine Learning Engineer Nanodegree" is the area AWS Machine Learning Engineer of a Nanodegree.</summary>
    private ResumeEducation Education(IndexedEntry program)
    {
        var space = program.Title.LastIndexOf(' ');
        var last = space > 0 ? program.Title[(space + 1)..] : null;
        var (area, studyType) = last is not null && StudyTypes.Contains(last) ? (program.Title[..space], last) : (program.Title, null);
        var details = program.Credential;
        return new ResumeEducation(
            details?.Provider ?? details?.Issuer,
            address.Absolute(program.Url),
            area,
            studyType,
            details?.Status == CredentialStatus.Earned ? Iso(program.Date) : null);
    }

    /// <summary>The user name a profile address ends with (https://github.com/ada → ada); none for a site's front page.</summary>
    private static string? Username(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.Trim('/') is { Length: > 0 } path
            ? Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]).TrimStart('@')
            : null;

    private static bool IsMail(string url) => url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    private static string? Iso(DateTime? date) => date is { } value ? Format.Iso(value) : null;
}
