using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Content.Import;

namespace Portfolio.Content.Tests.Import;

/// <summary>The importer against a real SQLite file in a temporary folder.</summary>
public sealed class ContentImporterTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.WithSeedContent();
    private readonly ContentImporter _importer = new(TimeProvider.System);

    public void Dispose() => _folder.Dispose();

    private ImportReport Import() => _importer.Import(_folder.Content, PortfolioDatabase.Options(_folder.Database));

    private PortfolioDbContext Open() => new(PortfolioDatabase.Options(_folder.Database));

    [Fact]
    public void The_repository_content_imports_with_counts_per_kind()
    {
        var report = Import();

        Assert.Equal(0, report.Errors);
        Assert.True(File.Exists(_folder.Database));
        using var db = Open();
        var counts = db.Entries.GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionary(g => g.Key, g => g.Count);
        Assert.Equal(1, counts[EntryKind.Program]);
        Assert.Equal(3, counts[EntryKind.Capstone]);
        Assert.Equal(2, counts[EntryKind.CourseNote]);
        Assert.Equal(2, counts[EntryKind.Certification]);
        Assert.Equal(1, counts[EntryKind.Guide]);
        Assert.Equal(1, counts[EntryKind.GuidePart]);
        Assert.Equal(3, counts[EntryKind.GuideModule]);
        Assert.Equal(13, report.Entries);
        Assert.Equal("12 files, 13 entries, 0 errors, 8 warnings", report.Summary);
    }

    [Fact]
    public void Entries_link_to_their_parents_across_files()
    {
        Import();

        using var db = Open();
        var program = db.Entries.Include(e => e.Children).Single(e => e.Kind == EntryKind.Program);
        Assert.Equal(
            ["Computer Vision Pipeline", "Course Notes: Machine Learning in Production and Case Studies", "Course Roadmap", "Natural Language Processing System", "Time Series Forecasting"],
            program.Children.Select(c => c.Title).Order());

        var associate = db.Entries.Single(e => e.Slug == "aws-certified-machine-learning-engineer-associate");
        var guide = db.Entries.Single(e => e.Kind == EntryKind.Guide);
        Assert.Equal(CredentialStatus.InPreparation, associate.Credential!.Status);
        Assert.Equal("MLA-C01", associate.Credential.Code);
        Assert.Equal(guide.Id, associate.Credential.GuideId);

        var modules = db.Entries.Where(e => e.ParentId == guide.Id).OrderBy(e => e.Order).Select(e => new { e.Slug, e.PartId }).ToList();
        Assert.Equal(["introduction", "part-i", "module-1", "module-2"], modules.Select(m => m.Slug));
        var part = db.Entries.Single(e => e.Kind == EntryKind.GuidePart);
        Assert.Equal([null, null, part.Id, part.Id], modules.Select(m => m.PartId));
    }

    [Fact]
    public void Tags_are_merged_through_aliases_and_counted()
    {
        Import();

        using var db = Open();
        var counts = db.Tags.Select(t => new { t.Slug, t.Name, Count = t.Entries.Count }).ToDictionary(t => t.Slug);
        Assert.False(counts.ContainsKey("ml"));
        Assert.Equal("Machine Learning", counts["machine-learning"].Name);
        Assert.Equal(["AWS", "Certification", "Machine Learning"],
            db.Entries.Where(e => e.Slug == "aws-certified-machine-learning-specialty").SelectMany(e => e.Tags).Select(t => t.Tag!.Name).OrderBy(n => n));
        Assert.Equal(2, counts["certification"].Count);
        Assert.Equal(1, counts["scholarship"].Count);
        Assert.Equal("ml", db.TagAliases.Single(a => a.TagSlug == "machine-learning").Slug);
        Assert.Equal(["aws", "capstone-project", "cloud-computing", "machine-learning", "scholarship"],
            db.Entries.Where(e => e.Kind == EntryKind.Program).SelectMany(e => e.Tags).Select(t => t.Tag!.Slug).OrderBy(s => s));
    }

    [Fact]
    public void Reimport_with_nothing_changed_parses_nothing_and_keeps_the_rows()
    {
        var first = Import();
        using var before = Open();
        var ids = before.Entries.OrderBy(e => e.Id).Select(e => e.Id).ToList();

        var second = Import();

        Assert.Equal(first.Summary, second.Summary);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.Equal(6, first.ParsedFiles);
        Assert.Equal(0, second.ParsedFiles);
        using var after = Open();
        Assert.Equal(ids, after.Entries.OrderBy(e => e.Id).Select(e => e.Id).ToList());
    }

    [Fact]
    public void Reimport_parses_only_the_changed_file()
    {
        Import();
        _folder.Write("certifications/aws-certified-machine-learning-specialty.md",
            File.ReadAllText(Path.Combine(_folder.Content, "certifications/aws-certified-machine-learning-specialty.md"))
                .Replace("title: \"AWS Certified Machine Learning - Specialty\"", "title: \"Renamed\"", StringComparison.Ordinal));

        var report = Import();

        Assert.Equal(1, report.ParsedFiles);
        using var db = Open();
        Assert.Equal("Renamed", db.Entries.Single(e => e.Slug == "aws-certified-machine-learning-specialty").Title);
        Assert.Equal(13, db.Entries.Count());
        // One body a stored entry (the old one went with the old entry), and the competencies in the new one.
        Assert.Equal(13, db.EntryBodies.Count());
        var specialty = db.Entries.Single(e => e.Slug == "aws-certified-machine-learning-specialty").Id;
        var body = db.EntryBodies.Single(b => b.EntryId == specialty);
        Assert.Equal(16, body.Topics.Count(t => t.Section is "Modeling" or "Data Engineering" or "Deployment & Operations" or "ML Security & Compliance"));
        Assert.Contains("<h2 id=\"practical-applications\">", body.Html);
    }

    [Fact]
    public void A_bad_file_is_reported_and_every_other_file_still_loads()
    {
        _folder.Write("certifications/broken.md", "---\ntitle: Broken\ndate: yesterday\n---\n");
        _folder.Write("guides/empty.md", "");

        var report = Import();

        Assert.Equal(2, report.Errors);
        Assert.Contains(report.Diagnostics, d => d.ToString().StartsWith("certifications/broken.md:3:7: error: 'date' must be a date", StringComparison.Ordinal));
        Assert.Contains(report.Diagnostics, d => d.ToString() == "guides/empty.md:1:1: error: the file is empty; expected Markdown, optionally with front matter between '---' lines");
        Assert.Equal(13, report.Entries);
    }

    [Fact]
    public void A_broken_edit_keeps_the_last_good_version_until_it_is_fixed()
    {
        Import();
        var path = "certifications/aws-certified-machine-learning-specialty.md";
        var good = File.ReadAllText(Path.Combine(_folder.Content, path));
        _folder.Write(path, good.Replace("date: \"2024-03-05\"", "date: \"someday\"", StringComparison.Ordinal));

        var broken = Import();

        Assert.Equal(1, broken.Errors);
        using (var db = Open())
        {
            Assert.Equal("AWS Certified Machine Learning - Specialty", db.Entries.Single(e => e.Slug == "aws-certified-machine-learning-specialty").Title);
            Assert.False(db.SourceFiles.Single(f => f.Path == path).Loaded);
        }

        _folder.Write(path, good.Replace("title: \"AWS Certified Machine Learning - Specialty\"", "title: \"Fixed\"", StringComparison.Ordinal));
        var fixedReport = Import();

        Assert.Equal(0, fixedReport.Errors);
        using var after = Open();
        Assert.Equal("Fixed", after.Entries.Single(e => e.Slug == "aws-certified-machine-learning-specialty").Title);
    }

    [Fact]
    public void A_deleted_file_takes_its_entries_with_it()
    {
        Import();
        _folder.Delete("guides/aws-machine-learning-engineering.md");

        var report = Import();

        using var db = Open();
        Assert.Equal(0, db.Entries.Count(e => e.Kind == EntryKind.Guide || e.Kind == EntryKind.GuideModule));
        Assert.Null(db.Entries.Single(e => e.Slug == "aws-certified-machine-learning-engineer-associate").Credential!.GuideId);
        Assert.Contains(report.Diagnostics, d => d.Path == "certifications/aws-certified-machine-learning-engineer-associate.md"
            && d.Line == 6 && d.Message == "'guide' names 'aws-machine-learning-engineering', but there is no such guide in guides/");
        Assert.DoesNotContain(db.Tags, t => t.Slug == "mla-c01");
    }

    [Fact]
    public void A_duplicate_slug_names_both_files_and_the_first_in_path_order_wins_in_every_import_order()
    {
        const string Copy = "certifications/zz-copy.md";
        Import();
        _folder.Write(Copy, "---\ntitle: Copy\nslug: aws-certified-machine-learning-specialty\ndate: 2024-01-01\n---\n");

        var incremental = Import();

        var error = Assert.Single(incremental.Diagnostics, d => d.IsError);
        Assert.Equal("certifications/zz-copy.md:1:1: error: duplicate slug 'aws-certified-machine-learning-specialty': the certification at certifications/aws-certified-machine-learning-specialty.md:10 has it too; this file is skipped (set a different 'slug')", error.ToString());

        // An earlier path takes the slug from a file that already had it.
        _folder.Delete(Copy);
        _folder.Write("certifications/aa-first.md", "---\ntitle: First\nslug: aws-certified-machine-learning-specialty\ndate: 2024-01-01\n---\n");
        var evicting = Import();
        Assert.Equal("certifications/aws-certified-machine-learning-specialty.md:10:1: error: duplicate slug 'aws-certified-machine-learning-specialty': the certification at certifications/aa-first.md:1 has it too; this file is skipped (set a different 'slug')",
            Assert.Single(evicting.Diagnostics, d => d.IsError).ToString());
        using (var db = Open())
        {
            Assert.Equal("First", db.Entries.Single(e => e.Slug == "aws-certified-machine-learning-specialty").Title);
        }

        // When the first file goes, the other loads again.
        _folder.Delete("certifications/aa-first.md");
        var restored = Import();
        Assert.Equal(0, restored.Errors);
        using var after = Open();
        Assert.Equal("AWS Certified Machine Learning - Specialty", after.Entries.Single(e => e.Slug == "aws-certified-machine-learning-specialty").Title);
    }

    [Fact]
    public void Changing_the_tag_aliases_reimports_every_file()
    {
        Import();
        File.AppendAllText(Path.Combine(_folder.Content, "tags.yml"), "Containers: [Docker containers]\n");

        var report = Import();

        Assert.Equal(6, report.ParsedFiles);
        using var db = Open();
        Assert.Equal("Containers", db.Tags.Single(t => t.Slug == "containers").Name);
        Assert.DoesNotContain(db.Tags, t => t.Slug == "docker-containers");
    }

    [Fact]
    public void Readers_never_see_a_half_imported_database()
    {
        Import();
        using var reader = new SqliteConnection($"Data Source={_folder.Database}");
        reader.Open();
        using var snapshot = reader.BeginTransaction(deferred: true);
        long Count()
        {
            using var command = reader.CreateCommand();
            command.Transaction = snapshot;
            command.CommandText = "SELECT count(*) FROM Entries";
            return (long)command.ExecuteScalar()!;
        }

        var before = Count();
        _folder.Write("certifications/new.md", "---\ntitle: New\ndate: 2025-01-01\n---\n");
        Import();

        // The reader's transaction still sees the state before the import, whole.
        Assert.Equal(before, Count());
        snapshot.Commit();
        using var fresh = Open();
        Assert.Equal(before + 1, fresh.Entries.Count());
    }

    [Fact]
    public void A_database_from_another_schema_version_is_rebuilt()
    {
        Import();
        Alter("PRAGMA user_version = 999");
        var report = Import();

        Assert.Equal(6, report.ParsedFiles);
        Assert.Equal(13, report.Entries);
    }

    /// <summary>Changes the database file behind the importer's back, as another process would.</summary>
    private void Alter(string sql)
    {
        using (var connection = new SqliteConnection($"Data Source={_folder.Database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void A_first_import_leaves_the_file_in_WAL_mode_with_its_schema_version()
    {
        // A new file is written with its journal in memory, then put in WAL mode and stamped with the version.
        Import();

        using var connection = new SqliteConnection($"Data Source={_folder.Database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "PRAGMA user_version";
        Assert.Equal((long)PortfolioDatabase.SchemaVersion, command.ExecuteScalar());
    }

    [Fact]
    public void A_first_import_that_did_not_finish_is_built_again_not_trusted()
    {
        // The state a first import leaves when the process stops while it writes without a journal: rows of every file,
        // some of them torn, and no schema version yet. Its files' sizes and times are as on disk, so trusted, they
        // would not be read again.
        Import();
        Alter("DELETE FROM Entries WHERE Kind = 'Module'; PRAGMA user_version = 0");
        var report = Import();

        Assert.Equal(6, report.ParsedFiles);
        Assert.Equal(13, report.Entries);
    }

    [Fact]
    public void Validate_reports_like_import_without_writing_a_database()
    {
        var report = _importer.Validate(_folder.Content);

        Assert.Equal("12 files, 13 entries, 0 errors, 8 warnings", report.Summary);
        Assert.False(File.Exists(_folder.Database));
    }

    [Fact]
    public void A_missing_content_folder_is_an_error_not_a_crash()
    {
        var report = _importer.Import(Path.Combine(_folder.Root, "nowhere"), PortfolioDatabase.Options(_folder.Database));

        Assert.Equal(0, report.Entries);
        Assert.Contains(report.Diagnostics, d => d.IsError && d.Message == "the content folder does not exist");
    }

    [Fact]
    public void Stray_yaml_and_unknown_folders_are_warnings()
    {
        _folder.Write("notes/loose.md", "# Loose\n\nText.\n");
        _folder.Write("programs/stray.yml", "title: nobody\n");

        var report = Import();

        Assert.Equal(0, report.Errors);
        Assert.Contains(report.Diagnostics, d => d.ToString() == "notes/loose.md:1:1: warning: 'notes/loose.md' is not in a known folder (programs/, certifications/, guides/); it is loaded as a page");
        Assert.Contains(report.Diagnostics, d => d.Path == "programs/stray.yml" && !d.IsError);
    }

    private sealed class LaterClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2031, 1, 2, 3, 4, 5, TimeSpan.Zero);
    }

    private static string ContentVersion(string database)
    {
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(database));
        return db.Meta.Single(m => m.Key == ContentImporter.ContentVersionKey).Value;
    }

    [Fact]
    public void The_same_content_imported_into_two_databases_at_different_times_has_one_content_version()
    {
        using var other = TempFolder.WithSeedContent();
        Import();
        var later = new ContentImporter(new LaterClock());
        later.Import(other.Content, PortfolioDatabase.Options(other.Database));

        Assert.Equal(ContentVersion(_folder.Database), ContentVersion(other.Database));
    }

    [Fact]
    public void The_content_version_changes_with_a_file_and_comes_back_with_its_bytes()
    {
        const string path = "certifications/aws-certified-machine-learning-specialty.md";
        Import();
        var before = ContentVersion(_folder.Database);
        var original = File.ReadAllBytes(Path.Combine(_folder.Content, path));

        _folder.Write(path, [.. original, .. "\nOne more line.\n"u8.ToArray()]);
        Import();
        var edited = ContentVersion(_folder.Database);
        _folder.Write(path, original);
        File.SetLastWriteTimeUtc(Path.Combine(_folder.Content, path), DateTime.UtcNow.AddMinutes(1));
        Import();

        Assert.NotEqual(before, edited);
        Assert.Equal(before, ContentVersion(_folder.Database));
    }

    [Fact]
    public void Two_capstones_of_one_title_are_both_served_the_later_under_a_numbered_slug_on_every_import()
    {
        const string Path = "programs/twice/index.md";
        _folder.Write(Path, TestContent.ProgramWithRepeatedCapstoneTitle);

        var cold = Import();
        _folder.Write(Path, TestContent.ProgramWithRepeatedCapstoneTitle.Replace("It works better;", "It works better still;", StringComparison.Ordinal));
        var edited = Import();

        Assert.Equal(0, edited.Errors);
        foreach (var report in new[] { cold, edited })
        {
            Assert.Contains(report.Diagnostics, d => d.Path == Path && d.Message.EndsWith("this one is served as 'image-classifier-2'", StringComparison.Ordinal));
        }

        using var db = Open();
        Assert.Equal(["image-classifier", "image-classifier-2"],
            db.Entries.Where(e => e.Kind == EntryKind.Capstone && e.ParentKey == "program:twice").OrderBy(e => e.Order).Select(e => e.Slug).ToList());
        Assert.StartsWith("It works better still;", db.Entries.Single(e => e.Slug == "image-classifier-2").Capstone!.Outcome, StringComparison.Ordinal);
    }
}
