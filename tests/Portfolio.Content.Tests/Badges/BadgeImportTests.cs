using Portfolio.Content.Data;
using Portfolio.Content.Import;

namespace Portfolio.Content.Tests.Badges;

/// <summary>Badges through the importer into a real SQLite file: their files stored, edits and removals followed, and a certification's badge attached.</summary>
public sealed class BadgeImportTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.WithSeedContent();
    private readonly ContentImporter _importer = new(TimeProvider.System);

    public void Dispose() => _folder.Dispose();

    private ImportReport Import() => _importer.Import(_folder.Content, PortfolioDatabase.Options(_folder.Database));

    private PortfolioDbContext Open() => new(PortfolioDatabase.Options(_folder.Database));

    private static string WithAchievement(string name)
    {
        var credential = TestBadges.Version3();
        credential["credentialSubject"]!["achievement"]!["name"] = name;
        return TestBadges.Json(credential);
    }

    [Fact]
    public void A_badge_is_imported_with_its_files_and_follows_edits_and_removal_of_its_file()
    {
        _folder.Write("badges/wrangling.json", WithAchievement("Data Wrangling"));

        var first = Import();

        Assert.Equal(0, first.Errors);
        using (var db = Open())
        {
            var badge = db.Entries.Single(e => e.Kind == EntryKind.Badge);
            Assert.Equal("Data Wrangling", badge.Title);
            Assert.Equal("badge:wrangling", badge.Key);
            Assert.Equal("Example Academy", badge.Credential!.Issuer);
            Assert.Equal("image.svg", badge.Badge!.Image);
            Assert.Equal(["download/wrangling.json", "image.svg", "issuer.png"], db.EntryFiles.Where(f => f.EntryId == badge.Id).Select(f => f.Name).OrderBy(n => n).ToList());
            Assert.Equal(["data-cleaning", "data-preparation", "pandas"], db.EntryTags.Where(t => t.EntryId == badge.Id).Select(t => t.Tag!.Slug).OrderBy(s => s).ToList());
            Assert.Equal("Data Wrangling", db.SearchTexts.Single(t => t.Id == badge.Id).Title);
        }

        _folder.Write("badges/wrangling.json", WithAchievement("Data Wrangling with Pandas"));
        var second = Import();

        Assert.Equal(1, second.ParsedFiles);
        using (var db = Open())
        {
            var badge = db.Entries.Single(e => e.Kind == EntryKind.Badge);
            Assert.Equal("Data Wrangling with Pandas", badge.Title);
            Assert.Equal(3, db.EntryFiles.Count());
            Assert.True(db.EntryFiles.Single(f => f.Name == "download/wrangling.json").Bytes.AsSpan().IndexOf("Data Wrangling with Pandas"u8) >= 0, "the stored file is the edited one");
        }

        _folder.Delete("badges/wrangling.json");
        Import();

        using (var db = Open())
        {
            Assert.Empty(db.Entries.Where(e => e.Kind == EntryKind.Badge));
            Assert.Empty(db.EntryFiles);
            Assert.False(db.Tags.Any(t => t.Slug == "pandas"));
        }
    }

    [Fact]
    public void Two_badge_files_with_one_name_keep_the_first_and_the_error_says_to_rename_one()
    {
        _folder.Write("badges/a/wrangling.json", WithAchievement("Data Wrangling"));
        _folder.Write("badges/b/wrangling.json", WithAchievement("Data Wrangling Again"));

        var report = Import();

        var error = Assert.Single(report.Diagnostics, d => d.Severity == Diagnostics.DiagnosticSeverity.Error);
        Assert.StartsWith("badges/b/wrangling.json:", error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("error: duplicate slug 'wrangling': the badge at badges/a/wrangling.json:1 has it too; this file is skipped (rename one of the files)", error.ToString(), StringComparison.Ordinal);
        using var db = Open();
        Assert.Equal("Data Wrangling", db.Entries.Single(e => e.Kind == EntryKind.Badge).Title);
    }

    [Fact]
    public void An_assertion_is_imported_again_when_the_badge_class_it_names_changes()
    {
        _folder.Write("badges/sql/issuer.json", TestBadges.Json(TestBadges.Issuer()));
        _folder.Write("badges/sql/badgeclass.json", TestBadges.Json(TestBadges.BadgeClass("issuer.json")));
        var assertion = TestBadges.Version2();
        assertion["badge"] = "badgeclass.json";
        _folder.Write("badges/sql/assertion.json", TestBadges.Json(assertion));
        Assert.Equal(0, Import().Errors);

        var renamed = TestBadges.BadgeClass("issuer.json");
        renamed["name"] = "SQL Joins";
        _folder.Write("badges/sql/badgeclass.json", TestBadges.Json(renamed));
        Import();

        using var db = Open();
        Assert.Equal("SQL Joins", db.Entries.Single(e => e.Kind == EntryKind.Badge).Title);
    }

    [Fact]
    public void Nothing_is_parsed_again_when_no_badge_changed()
    {
        _folder.Write("badges/wrangling.json", WithAchievement("Data Wrangling"));
        Import();

        Assert.Equal(0, Import().ParsedFiles);
    }

    [Fact]
    public void A_certification_that_names_its_badge_file_is_linked_to_the_badge_and_warned_when_the_file_goes()
    {
        _folder.Write("badges/cert-badge.png", TestBadges.Png("openbadgecredential", WithAchievement("Certified Wrangler")));
        _folder.Write("certifications/wrangler.md", "---\ntitle: Certified Wrangler\ndate: 2024-03-05\nissuer: Example Academy\nbadge: badges/cert-badge.png\n---\n\nText.\n");

        Assert.Equal(0, Import().Errors);
        using (var db = Open())
        {
            var badge = db.Entries.Single(e => e.Kind == EntryKind.Badge);
            var certification = db.Entries.Single(e => e.Slug == "wrangler");
            Assert.Equal("badges/cert-badge.png", certification.Credential!.BadgePath);
            Assert.Equal(badge.Id, certification.Credential.BadgeId);
        }

        _folder.Delete("badges/cert-badge.png");
        var report = Import();

        using (var db = Open())
        {
            Assert.Null(db.Entries.Single(e => e.Slug == "wrangler").Credential!.BadgeId);
        }

        Assert.Contains("certifications/wrangler.md:5:1: warning: 'badge' names badges/cert-badge.png, but there is no such badge file in badges/", report.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_certification_that_names_a_file_outside_badges_is_warned_at_the_field()
    {
        _folder.Write("certifications/wrangler.md", "---\ntitle: Certified Wrangler\ndate: 2024-03-05\nbadge: notes/wrangler.pdf\n---\n\nText.\n");

        var report = Import();

        Assert.Contains("certifications/wrangler.md:4:8: warning: 'badge' must name a badge file in badges/ (JSON, a JWT, or a baked PNG or SVG); got 'notes/wrangler.pdf', which is ignored",
            report.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_link_from_a_note_to_a_badge_file_leads_to_the_badges_page()
    {
        _folder.Write("badges/wrangling.json", WithAchievement("Data Wrangling"));
        _folder.Write("programs/aws-machine-learning-engineer-nanodegree/badge-note.md", "# Badge note\n\nI hold [the wrangling badge](../../badges/wrangling.json).\n");

        var report = Import();

        Assert.DoesNotContain(report.Diagnostics, d => d.Path.EndsWith("badge-note.md", StringComparison.Ordinal));
        using var db = Open();
        var html = db.Entries.Where(e => e.Slug == "badge-note").Join(db.EntryBodies, e => e.Id, b => b.EntryId, (e, b) => b.Html).Single();
        Assert.Contains("<a href=\"/badges/wrangling\">the wrangling badge</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_badge_is_reported_and_the_rest_of_the_site_loads()
    {
        _folder.Write("badges/notes.json", """{ "name": "My notes" }""");
        _folder.Write("badges/wrangling.json", WithAchievement("Data Wrangling"));

        var report = Import();

        Assert.Equal(1, report.Errors);
        Assert.StartsWith("badges/notes.json:1:1: error: the JSON is not an Open Badge", report.Diagnostics.Single(d => d.IsError).ToString(), StringComparison.Ordinal);
        using var db = Open();
        Assert.Equal(14, db.Entries.Count());
    }
}
