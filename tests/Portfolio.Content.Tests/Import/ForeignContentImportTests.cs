using Portfolio.Content.Data;
using Portfolio.Content.Import;

namespace Portfolio.Content.Tests.Import;

/// <summary>Content written for other generators, through the importer into a real SQLite file: old addresses, dates, pictures, authors and the size limit.</summary>
public sealed class ForeignContentImportTests : IDisposable
{
    private const string Specialty = "/certifications/aws-certified-machine-learning-specialty";
    private readonly TempFolder _folder = TempFolder.WithSeedContent();

    public void Dispose() => _folder.Dispose();

    private ImportReport Import(int maxFileMegabytes = ContentImporter.DefaultMaxFileMegabytes) =>
        new ContentImporter(TimeProvider.System, maxFileMegabytes).Import(_folder.Content, PortfolioDatabase.Options(_folder.Database));

    private PortfolioDbContext Open() => new(PortfolioDatabase.Options(_folder.Database));

    /// <summary>The old addresses that are served, each with the slug of the entry it leads to.</summary>
    private List<string> Served()
    {
        using var db = Open();
        return [.. db.Redirects.Where(r => !r.Ignored).Select(r => r.Path + " → " + r.Entry!.Slug).AsEnumerable().Order(StringComparer.Ordinal)];
    }

    [Fact]
    public void Foreign_fields_are_stored_with_the_entry()
    {
        _folder.Write("certifications/hugo.md", "---\ntitle: Hugo\ndate: 2024-01-01\nlastmod: 2024-06-02\nauthors: [Ada, Alan]\ncover:\n  image: hugo.png\naliases: [/posts/hugo/]\n---\nText.\n");
        _folder.Write("certifications/hugo.png", [0x89, 0x50, 0x4E, 0x47]);

        var report = Import();

        Assert.Equal(0, report.Errors);
        using var db = Open();
        var entry = db.Entries.Single(e => e.Slug == "hugo");
        Assert.Equal((new DateTime(2024, 6, 2), "/media/certifications/hugo.png"), (entry.Updated, entry.Image));
        Assert.Equal(["Ada", "Alan"], entry.Authors);
        Assert.Equal(["/posts/hugo → hugo"], Served());
    }

    [Fact]
    public void An_alias_that_is_a_page_or_another_pages_alias_is_a_warning_and_not_served()
    {
        _folder.Write("certifications/aa-first.md", $"---\ntitle: First\ndate: 2024-01-01\naliases:\n  - /old/shared/\n  - {Specialty}\n---\n");
        _folder.Write("certifications/zz-second.md", "---\ntitle: Second\ndate: 2024-01-01\nredirect_from: [/old/shared, /old/second]\n---\n");

        var report = Import();

        Assert.Equal(
            [
                $"certifications/aa-first.md:6:5: warning: the alias '{Specialty}' is the address of the page of certifications/aws-certified-machine-learning-specialty.md; it is ignored",
                "certifications/zz-second.md:4:17: warning: the alias '/old/shared' is already an alias at certifications/aa-first.md:5; it is ignored",
            ],
            report.Diagnostics.Where(d => d.Message.Contains("alias", StringComparison.Ordinal)).Select(d => d.ToString()));
        Assert.Equal(["/old/second → zz-second", "/old/shared → aa-first"], Served());
    }

    [Fact]
    public void When_the_alias_that_won_goes_the_other_is_served_and_cold_and_incremental_imports_agree()
    {
        _folder.Write("certifications/aa-first.md", "---\ntitle: First\ndate: 2024-01-01\naliases: [/old/shared]\n---\n");
        _folder.Write("certifications/zz-second.md", "---\ntitle: Second\ndate: 2024-01-01\naliases: [/old/shared]\n---\n");
        Import();
        Assert.Equal(["/old/shared → aa-first"], Served());

        _folder.Delete("certifications/aa-first.md");
        var incremental = Import();

        Assert.Equal(0, incremental.ParsedFiles);
        Assert.Equal(["/old/shared → zz-second"], Served());
        Assert.DoesNotContain(incremental.Diagnostics, d => d.Message.Contains("alias", StringComparison.Ordinal));
        var incrementalRows = Served();
        File.Delete(_folder.Database);
        Import();
        Assert.Equal(incrementalRows, Served());
    }

    [Fact]
    public void An_alias_of_a_file_outside_the_known_folders_leads_nowhere_and_is_a_warning()
    {
        _folder.Write("notes/loose.md", "---\ntitle: Loose\naliases: [/old/loose/]\n---\n");

        var report = Import();

        Assert.Contains("notes/loose.md:3:11: warning: the alias '/old/loose' is ignored: a file outside programs/, certifications/, guides/ has no page of its own to lead to", report.Diagnostics.Select(d => d.ToString()));
        Assert.Empty(Served());
    }

    [Fact]
    public void A_permalink_that_is_the_pages_own_address_is_not_a_redirect_and_not_a_warning()
    {
        _folder.Write("certifications/own.md", "---\ntitle: Own\ndate: 2024-01-01\npermalink: /certifications/own/\n---\n");

        var report = Import();

        Assert.DoesNotContain(report.Diagnostics, d => d.Path == "certifications/own.md");
        Assert.Empty(Served());
    }

    [Fact]
    public void A_five_megabyte_file_loads_and_one_over_the_limit_is_an_error_that_names_the_setting()
    {
        _folder.Write("certifications/five-megabytes.md", "---\ntitle: Big\ndate: 2024-01-01\n---\n" + string.Concat(Enumerable.Repeat("A line of notes about SageMaker.\n\n", 5 * 1024 * 1024 / 34)));
        _folder.Write("certifications/seventeen-megabytes.md", "# Too big\n\n" + new string('a', 17 * 1024 * 1024));

        var report = Import();

        Assert.True(new FileInfo(Path.Combine(_folder.Content, "certifications/five-megabytes.md")).Length > 5_000_000);
        Assert.Equal(
            "certifications/seventeen-megabytes.md:1:1: error: the file is larger than 16 MB, the most the setting Portfolio:MaxFileMegabytes allows; split it into smaller documents or raise the setting",
            Assert.Single(report.Diagnostics, d => d.IsError).ToString());
        using var db = Open();
        Assert.Equal("Big", db.Entries.Single(e => e.Slug == "five-megabytes").Title);
    }

    [Fact]
    public void A_lower_limit_refuses_the_file_and_changing_the_limit_reads_every_file_again()
    {
        _folder.Write("certifications/five-megabytes.md", "# Big\n\n" + new string('a', 5 * 1024 * 1024));
        Import();

        var lowered = Import(maxFileMegabytes: 4);

        Assert.Equal(7, lowered.ParsedFiles);
        Assert.Equal("the file is larger than 4 MB, the most the setting Portfolio:MaxFileMegabytes allows; split it into smaller documents or raise the setting",
            Assert.Single(lowered.Diagnostics, d => d.IsError).Message);
        using var db = Open();
        Assert.False(db.SourceFiles.Single(f => f.Path == "certifications/five-megabytes.md").Loaded);
    }
}
