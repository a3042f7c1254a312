using Portfolio.Content.Data;
using Portfolio.Content.Import;

namespace Portfolio.Content.Tests.Loading;

/// <summary>The planned exam day of a certification in preparation: read from front matter, checked, and stored.</summary>
public sealed class ExamDateTests
{
    private const string Certification = "certifications/example.md";

    private static Entry Single(string text, out Portfolio.Content.Loading.LoadedDocument document)
    {
        document = TestContent.Load(Certification, text);
        return Assert.Single(document.Entries);
    }

    [Theory]
    [InlineData("exam_date: 2025-09-15")]
    [InlineData("exam_date: \"2025-09-15\"")]
    [InlineData("examDate: 2025-09-15")]
    [InlineData("exam-date: 2025-09-15")]
    public void A_certification_in_preparation_has_its_exam_day(string line)
    {
        var entry = Single($"---\ntitle: C\nstatus: in-preparation\n{line}\n---\n", out var document);

        Assert.Empty(document.Diagnostics);
        Assert.Equal(new DateTime(2025, 9, 15), entry.Credential!.ExamDate);
    }

    [Fact]
    public void An_exam_date_that_is_not_a_day_is_an_error_at_its_value()
    {
        var document = TestContent.Load(Certification, "---\ntitle: C\nstatus: in-preparation\nexam_date: next autumn\n---\n");

        Assert.True(document.Failed);
        Assert.Equal("certifications/example.md:4:12: error: 'exam_date' must be a day like 2025-06-10; got 'next autumn'", Assert.Single(document.Diagnostics).ToString());
    }

    [Theory]
    [InlineData("2025-02-30")]
    [InlineData("15/09/2025")]
    [InlineData("[2025-09-15]")]
    public void Impossible_days_and_other_forms_are_errors(string value)
    {
        var document = TestContent.Load(Certification, $"---\ntitle: C\nstatus: in-preparation\nexam_date: {value}\n---\n");

        var error = Assert.Single(document.Diagnostics);
        Assert.True(error.IsError);
        Assert.StartsWith("'exam_date' must be", error.Message, StringComparison.Ordinal);
        Assert.Equal((4, 12), (error.Line, error.Column));
    }

    [Fact]
    public void A_time_of_day_is_left_out_with_a_warning()
    {
        var entry = Single("---\ntitle: C\nstatus: in-preparation\nexam_date: 2025-09-15T09:30\n---\n", out var document);

        Assert.Equal(new DateTime(2025, 9, 15), entry.Credential!.ExamDate);
        Assert.Equal(
            "certifications/example.md:4:12: warning: 'exam_date' is a day: the time in '2025-09-15T09:30' is left out, and the calendar shows the whole day",
            Assert.Single(document.Diagnostics).ToString());
    }

    [Fact]
    public void An_earned_certification_ignores_an_exam_date_with_a_warning()
    {
        var entry = Single("---\ntitle: C\ndate: 2024-03-05\nexam_date: 2024-03-05\n---\n", out var document);

        Assert.Null(entry.Credential!.ExamDate);
        Assert.Equal("certifications/example.md:4:12: warning: 'exam_date' is for a certification in preparation; ignored for an earned one", Assert.Single(document.Diagnostics).ToString());
    }

    [Fact]
    public void A_program_ignores_an_exam_date_with_a_warning()
    {
        var document = TestContent.Load("programs/example/index.md", "---\ntitle: P\ndate: 2024-03-05\nexam_date: 2024-03-05\n---\n");

        Assert.Null(document.Entries[0].Credential!.ExamDate);
        Assert.Equal("programs/example/index.md:4:12: warning: 'exam_date' is for a certification in preparation; ignored for a program", Assert.Single(document.Diagnostics).ToString());
    }

    [Fact]
    public void A_sidecar_can_give_the_exam_date()
    {
        var file = new Portfolio.Content.Loading.ContentFile(Certification, "---\ntitle: C\nstatus: in-preparation\n---\n"u8.ToArray(),
            "certifications/example.yml", "exam_date: 2025-09-15\n"u8.ToArray());

        var document = Portfolio.Content.Loading.ContentLoader.Load(file, _ => true);

        Assert.Equal(new DateTime(2025, 9, 15), Assert.Single(document.Entries).Credential!.ExamDate);
    }

    [Fact]
    public void The_exam_date_is_stored_with_the_entry()
    {
        using var folder = TempFolder.WithSeedContent();
        folder.Write("certifications/planned.md", "---\ntitle: Planned\nstatus: in-preparation\nexam_date: 2025-09-15\n---\n\nText.\n");

        var report = new ContentImporter(TimeProvider.System).Import(folder.Content, PortfolioDatabase.Options(folder.Database));

        Assert.Equal(0, report.Errors);
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(folder.Database));
        Assert.Equal(new DateTime(2025, 9, 15), db.Entries.Single(e => e.Slug == "planned").Credential!.ExamDate);
    }
}
