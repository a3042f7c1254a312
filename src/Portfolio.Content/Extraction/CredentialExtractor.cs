using Markdig.Syntax;
using Portfolio.Content.Data;
using Portfolio.Content.Loading;
using Portfolio.Content.Markdown;
using Portfolio.Content.Text;

namespace Portfolio.Content.Extraction;

/// <summary>
/// The credential of a program or certification: the facts of its overview ("**Issuer:** …") and its details from
/// front matter, those facts filling in what the front matter does not say.
/// </summary>
internal static class CredentialExtractor
{
    /// <summary>A paragraph made only of "**Label:** value" lines, such as a program overview, gives facts.</summary>
    public static Dictionary<string, string> OverviewFacts(DocumentContext context, IEnumerable<Block> blocks)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var paragraph in blocks.OfType<ParagraphBlock>())
        {
            var source = context.SourceOf(paragraph);
            if (DocumentContext.IsAllLabelled(source))
            {
                foreach (var (label, value) in DocumentContext.LabelledLines(source))
                {
                    facts.TryAdd(label, value);
                }
            }
        }

        return facts;
    }

    /// <summary>The credential's status, issuer, dates and the guide and badge it names; warns of what does not add up.</summary>
    public static CredentialDetails Extract(DocumentContext context, Entry entry, Func<string, bool> exists)
    {
        var fields = context.Fields;
        string? Fact(string label) => entry.Facts.TryGetValue(label, out var value) ? value : null;

        var status = CredentialStatus.Earned;
        if (fields.Status is { } declared)
        {
            switch (Slug.From(declared))
            {
                case "earned" or "completed" or "complete" or "passed" or "active" or "certified":
                    break;
                case "in-preparation" or "preparing" or "planned" or "studying" or "in-progress":
                    status = CredentialStatus.InPreparation;
                    break;
                default:
                    var at = context.LocationOf("status");
                    context.Diagnostics.Warning(at.Line, at.Column, $"'status' must be earned or in-preparation; got '{declared}', read as earned");
                    break;
            }
        }
        else if (entry.Date is null)
        {
            context.Diagnostics.Warning(1, 1, "no 'date' and no 'status': the credential is shown as in preparation");
            status = CredentialStatus.InPreparation;
        }

        if (status == CredentialStatus.Earned && entry.Date is null)
        {
            context.Diagnostics.Warning(1, 1, "an earned credential has no 'date'; add the date it was earned");
        }

        var examDate = fields.ExamDate;
        if (examDate is not null && (entry.Kind != EntryKind.Certification || status != CredentialStatus.InPreparation))
        {
            var at = context.LocationOf("examdate");
            context.Diagnostics.Warning(at.Line, at.Column,
                $"'exam_date' is for a certification in preparation; ignored for {(entry.Kind == EntryKind.Certification ? "an earned one" : "a " + entry.Kind.DisplayName().ToLowerInvariant())}");
            examDate = null;
        }

        return new CredentialDetails
        {
            Status = status,
            Issuer = fields.Issuer ?? Fact("Issuer"),
            Provider = fields.Provider ?? Fact("Provider"),
            Code = fields.Code ?? Fact("Code") ?? Fact("Exam"),
            CredentialId = fields.CredentialId ?? Fact("Credential ID"),
            Expires = fields.Expires,
            ExamDate = examDate,
            ValidYears = fields.ValidYears,
            VerificationUrl = fields.VerificationUrl,
            Duration = fields.Duration ?? Fact("Duration"),
            Funding = fields.Funding ?? Fact("Funding"),
            GuideSlug = fields.Guide,
            GuideLine = fields.Guide is null ? null : context.LocationOf("guide").Line,
            BadgePath = BadgePath(context, exists),
            BadgeLine = fields.Badge is null ? null : context.LocationOf("badge").Line,
        };
    }

    /// <summary>
    /// The badge file a credential names, as a path in the content folder: written from the top ("badges/x.png" or
    /// "/badges/x.png") or relative to the file ("../badges/x.png"). Whether it loaded as a badge is known when the files are linked.
    /// </summary>
    private static string? BadgePath(DocumentContext context, Func<string, bool> exists)
    {
        if (context.Fields.Badge is not { } written)
        {
            return null;
        }

        var directory = ContentPaths.DirectoryOf(context.Path);
        var relative = written.StartsWith('/') ? null : LinkPolicy.Resolve(directory, written);
        var path = relative is not null && (exists(relative) || written.StartsWith('.')) ? relative : LinkPolicy.Resolve("", written);
        if (path is null || !ContentPaths.IsBadge(path))
        {
            var at = context.LocationOf("badge");
            context.Diagnostics.Warning(at.Line, at.Column, $"'badge' must name a badge file in {ContentPaths.BadgeFolder}/ (JSON, a JWT, or a baked PNG or SVG); got '{written}', which is ignored");
            return null;
        }

        return path;
    }
}
