using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Import;

/// <summary>
/// What an entry names in another file by a column of its own (its parent by key, a credential's guide by slug and badge
/// by path): linked by id once every file is written, and reported when it names nothing that loaded.
/// </summary>
internal static class CrossFileReferences
{
    /// <summary>Links each reference not linked yet, after unlinking those whose entry is gone.</summary>
    public static void Link(PortfolioDbContext db) =>
        db.Database.ExecuteSql($"""
            UPDATE Entries SET ParentId = (SELECT p.Id FROM Entries p WHERE p.Key = Entries.ParentKey) WHERE ParentKey <> '' AND ParentId IS NULL;
            UPDATE Entries SET Credential_GuideId = NULL
                WHERE Credential_GuideId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Entries g WHERE g.Id = Entries.Credential_GuideId);
            UPDATE Entries SET Credential_GuideId = (SELECT g.Id FROM Entries g WHERE g.Key = 'guide:' || Entries.Credential_GuideSlug)
                WHERE Credential_GuideSlug IS NOT NULL AND Credential_GuideId IS NULL;
            UPDATE Entries SET Credential_BadgeId = NULL
                WHERE Credential_BadgeId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM Entries b WHERE b.Id = Entries.Credential_BadgeId);
            UPDATE Entries SET Credential_BadgeId = (SELECT b.Id FROM Entries b WHERE b.Kind = 'Badge' AND b.SourcePath = Entries.Credential_BadgePath)
                WHERE Credential_BadgePath IS NOT NULL AND Credential_BadgeId IS NULL;
            """);

    /// <summary>
    /// Warns, with the id of the file that holds it, of each reference <see cref="Link"/> left unlinked: a parent that is
    /// not loaded, a guide that is not there, a badge file that is missing or did not load (<paramref name="documents"/> are the folder's files).
    /// </summary>
    public static void Report(PortfolioDbContext db, IReadOnlySet<string> documents, Action<int, ContentDiagnostic> warn)
    {
        var orphans = db.Entries.Where(e => e.ParentKey != "" && e.ParentId == null)
            .Select(e => new { e.SourceFileId, e.SourcePath, e.SourceLine, e.ParentKey, e.Kind }).ToList();
        foreach (var orphan in orphans)
        {
            warn(orphan.SourceFileId, new ContentDiagnostic(orphan.SourcePath, orphan.SourceLine, 1, DiagnosticSeverity.Warning,
                $"this {orphan.Kind.ToString().ToLowerInvariant()} belongs to '{orphan.ParentKey}', which is not loaded; add an index.md to its folder"));
        }

        var unlinked = db.Entries.Where(e => e.Credential!.GuideSlug != null && e.Credential.GuideId == null)
            .Select(e => new { e.SourceFileId, e.SourcePath, e.Credential!.GuideLine, e.Credential.GuideSlug }).ToList();
        foreach (var entry in unlinked)
        {
            warn(entry.SourceFileId, new ContentDiagnostic(entry.SourcePath, entry.GuideLine ?? 1, 1, DiagnosticSeverity.Warning,
                $"'guide' names '{entry.GuideSlug}', but there is no such guide in guides/"));
        }

        var badgeless = db.Entries.Where(e => e.Credential!.BadgePath != null && e.Credential.BadgeId == null)
            .Select(e => new { e.SourceFileId, e.SourcePath, e.Credential!.BadgeLine, e.Credential.BadgePath }).ToList();
        foreach (var entry in badgeless)
        {
            warn(entry.SourceFileId, new ContentDiagnostic(entry.SourcePath, entry.BadgeLine ?? 1, 1, DiagnosticSeverity.Warning,
                documents.Contains(entry.BadgePath!)
                    ? $"'badge' names {entry.BadgePath}, which did not load as a badge (see its own problems); the certification is shown without it"
                    : $"'badge' names {entry.BadgePath}, but there is no such badge file in badges/"));
        }
    }
}
