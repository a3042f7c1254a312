using System.Text;
using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Tests.Loading;

/// <summary>Bad and odd files: each is reported at its line and column with a message that names the field and what was expected.</summary>
public sealed class MalformedInputTests
{
    private const string Certification = "certifications/example.md";
    private const string Program = "programs/example.md";
    private const string Guide = "guides/example.md";

    private sealed record Case(string Path, byte[] Bytes, DiagnosticSeverity Severity, int Line, int Column, string Message, bool Loads, params string[] OtherFiles);

    private static Case Error(string text, int line, int column, string message, string path = Certification) =>
        new(path, Encoding.UTF8.GetBytes(text), DiagnosticSeverity.Error, line, column, message, Loads: false);

    private static Case Warning(string text, int line, int column, string message, string path = Guide, params string[] otherFiles) =>
        new(path, Encoding.UTF8.GetBytes(text), DiagnosticSeverity.Warning, line, column, message, Loads: true, otherFiles);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["empty file"] = Error("", 1, 1, "the file is empty"),
        ["only whitespace"] = Error("  \n\n\t\n", 1, 1, "the file has only whitespace"),
        ["front matter never closed"] = Error("---\ntitle: Open\ndate: 2024-01-01\n\n# Body\n", 1, 1, "front matter opened with '---' on line 1 is never closed"),
        ["YAML with a bad indent"] = Error("---\ntitle: x\n  bad: [\n---\n", 3, 6, "front matter is not valid YAML"),
        ["unterminated quote"] = Error("---\ntitle: \"unterminated\n---\nBody\n", 2, 8, "front matter is not valid YAML"),
        ["unclosed flow list"] = Error("---\ntags: [a, b\ntitle: x\n---\n", 2, 1, "front matter is not valid YAML"),
        ["duplicate key"] = Error("---\ntitle: One\ndate: 2024-01-01\ntitle: Two\n---\n", 4, 1, "the key 'title' appears twice"),
        ["date that is not a date"] = Error("---\ntitle: x\ndate: last spring\n---\n", 3, 7, "'date' must be a date like 2024-03-05, optionally with a time and offset like 2024-03-05T14:30:00+01:00; got 'last spring'"),
        ["date on a day that does not exist"] = Error("---\ntitle: x\ndate: \"2024-02-30\"\n---\n", 3, 7, "'date' must be a date like 2024-03-05"),
        ["date as a list"] = Error("---\ndate: [2024-01-01]\n---\n", 2, 7, "'date' must be text; got a list"),
        ["tags as a mapping"] = Error("---\ntitle: x\ntags:\n  aws: true\n---\n", 4, 3, "'tags' must be a list of tag names or a comma-separated text; got a mapping"),
        ["a tag that is a list"] = Error("---\ntags: [aws, [nested]]\n---\n", 2, 13, "each of 'tags' must be a tag name; got a list"),
        ["title as a list"] = Error("---\ntitle:\n  - one\n  - two\n---\n", 3, 3, "'title' must be text; got a list"),
        ["draft that is not a boolean"] = Error("---\ntitle: x\ndraft: maybe\n---\n", 3, 8, "'draft' must be true or false; got 'maybe'"),
        ["front matter that is a list"] = Error("---\n- title\n- date\n---\n", 2, 1, "front matter must be a mapping of keys to values; got a list"),
        ["slug that is not a slug"] = Error("---\nslug: My Page!\n---\n", 2, 7, "'slug' must be a slug of lower-case letters, digits and hyphens (like 'my-page'); got 'My Page!'"),
        ["unknown kind"] = Error("---\nkind: blogpost\n---\n", 2, 7, "'kind' must be program, certification, guide or page; got 'blogpost'"),
        ["verification URL that is not a URL"] = Error("---\nverification_url: javascript:alert(1)\n---\n", 2, 19, "'verification_url' must be an http or https URL"),
        ["order that is not a number"] = Error("---\norder: first\n---\n", 2, 8, "'order' must be a whole number from 0 to 1000000; got 'first'"),
        ["invalid UTF-8"] = new(Certification, [.. "---\ntitle: x\n---\nCaf"u8, 0xE9, .. " menu\n"u8], DiagnosticSeverity.Error, 4, 4, "invalid UTF-8 byte 0xE9; expected UTF-8 text (was the file saved as Windows-1252 or Latin-1?)", false),
        ["NUL bytes"] = new(Certification, [.. "# Title\n\nab"u8, 0, 0, 0], DiagnosticSeverity.Error, 3, 3, "the file contains a NUL byte", false),
        ["UTF-16 text"] = new(Certification, [0xFF, 0xFE, (byte)'#', 0], DiagnosticSeverity.Error, 1, 1, "the file is UTF-16; expected UTF-8 text", false),
        ["file name without letters"] = new("certifications/---.md", "# Title\n"u8.ToArray(), DiagnosticSeverity.Error, 1, 1, "the file name has no letters or digits to make a URL slug from", false),
        ["no title anywhere"] = Warning("Just a paragraph, no heading.\n", 1, 1, "no title: there is no 'title' field and no heading; the file name is used"),
        ["unknown folder"] = Warning("# Notes\n", 1, 1, "'misc/notes.md' is not in a known folder (programs/, certifications/, guides/); it is loaded as a page", "misc/notes.md"),
        ["missing image"] = Warning("---\ntitle: x\n---\n\nText ![A chart](figs/chart.png) here.\n", 5, 6, "image 'figs/chart.png' not found: there is no file content/guides/figs/chart.png; it is shown as text"),
        ["missing linked file"] = Warning("# T\n\nSee [the slides](slides.pdf).\n", 3, 5, "link 'slides.pdf' not found: there is no file content/guides/slides.pdf; it is shown as text"),
        ["link out of the content folder"] = Warning("# T\n\n[secrets](../../etc/passwd)\n", 3, 1, "link '../../etc/passwd' points outside the content folder; it is shown as text"),
        ["javascript link"] = Warning("# T\n\n[click](javascript:alert(1))\n", 3, 1, "link to 'javascript:alert(1)' removed; only http, https and mailto links are allowed"),
        ["data URL image"] = Warning("# T\n\n![x](data:image/png;base64,AAAA)\n", 3, 1, "image to 'data:image/png;base64,AAAA' removed"),
        ["javascript autolink"] = Warning("# T\n\n<javascript:alert(1)>\n", 3, 1, "link to 'javascript:alert(1)' removed"),
        ["indented numbered list"] = Warning("# T\n\n    1. First. Detail\n\n    2. Second\n", 3, 1, "an indented list is read as a list, not as code"),
        ["capstone without an outcome"] = Warning("---\ntitle: P\ndate: 2024-01-01\n---\n## Capstone Projects\n\n### Project 1: Alpha\n- **Objective:** Do\n- **Implementation:** How\n- **Technologies:** A, B\n", 7, 1, "capstone 'Alpha' has no Outcome; expected list items like '- **Outcome:** …'", Program),
        ["certification with an unknown status"] = Warning("---\ntitle: C\ndate: 2024-01-01\nstatus: someday\n---\n", 4, 9, "'status' must be earned or in-preparation; got 'someday', read as earned", Certification),
        ["certification without date or status"] = Warning("---\ntitle: C\n---\nText\n", 1, 1, "no 'date' and no 'status': the credential is shown as in preparation", Certification),
        ["modules out of order"] = Warning("# Guide\n\n# Module 2: B\n\nText\n\n# Module 1: A\n\nText\n", 7, 1, "Module 1 comes after Module 2; modules are kept in the order they are written", "guides/g.md"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_bad_file_is_reported_at_its_line_and_column(string name)
    {
        var @case = Cases[name];

        var document = TestContent.Load(@case.Path, @case.Bytes, @case.OtherFiles);

        var diagnostic = Assert.Single(document.Diagnostics, d => d.Severity == @case.Severity);
        Assert.StartsWith(@case.Message, diagnostic.Message);
        Assert.Equal((@case.Line, @case.Column), (diagnostic.Line, diagnostic.Column));
        Assert.Equal(@case.Path, diagnostic.Path);
        Assert.Equal(@case.Loads, document.Entries.Count > 0);
        Assert.Equal(!@case.Loads, document.Failed);
    }

    [Fact]
    public void A_diagnostic_prints_as_path_line_column_severity_message()
    {
        var document = TestContent.Load(Certification, "---\ntitle: x\ndate: soon\n---\n");

        Assert.Equal(
            "certifications/example.md:3:7: error: 'date' must be a date like 2024-03-05, optionally with a time and offset like 2024-03-05T14:30:00+01:00; got 'soon'",
            Assert.Single(document.Diagnostics).ToString());
    }

    [Fact]
    public void A_BOM_and_CRLF_line_endings_are_fine()
    {
        var document = TestContent.Load(Certification, [.. "\uFEFF"u8, .. "---\r\ntitle: \"Windows\"\r\ndate: 2024-03-05\r\ntags: a, b\r\n---\r\n\r\n## Section\r\n\r\nText\r\n"u8]);

        Assert.Empty(document.Diagnostics);
        var entry = Assert.Single(document.Entries);
        Assert.Equal("Windows", entry.Title);
        Assert.Equal(["a", "b"], document.TagNamesOf(entry));
        Assert.Equal("Section", Assert.Single(entry.Toc).Text);
    }

    [Theory]
    [InlineData("2024-03-05", 2024, 3, 5, 0, 0, false)]
    [InlineData("\"2024-03-05\"", 2024, 3, 5, 0, 0, false)]
    [InlineData("2024-03-05T14:30", 2024, 3, 5, 14, 30, true)]
    [InlineData("2024-03-05 14:30:15", 2024, 3, 5, 14, 30, true)]
    [InlineData("2024-03-05T14:30:15Z", 2024, 3, 5, 14, 30, true)]
    [InlineData("'2024-03-05T14:30:00+01:00'", 2024, 3, 5, 14, 30, true)]
    [InlineData("2024-03-05T14:30:00.123-05:00", 2024, 3, 5, 14, 30, true)]
    public void Dates_are_read_quoted_or_not_with_or_without_time_and_offset(string yaml, int year, int month, int day, int hour, int minute, bool hasTime)
    {
        var document = TestContent.Load(Certification, $"---\ntitle: x\ndate: {yaml}\n---\n");

        Assert.Empty(document.Diagnostics);
        var date = document.Entries[0].Date!.Value;
        Assert.Equal((year, month, day, hour, minute), (date.Year, date.Month, date.Day, date.Hour, date.Minute));
        Assert.Equal(hasTime, date.TimeOfDay != TimeSpan.Zero);
    }

    [Fact]
    public void Tags_can_be_a_comma_separated_text()
    {
        var document = TestContent.Load(Certification, "---\ntitle: x\ndate: 2024-01-01\ntags: \"C#, CI/CD , Node.js,,\"\n---\n");

        Assert.Equal(["C#", "CI/CD", "Node.js"], document.TagNamesOf(document.Entries[0]));
    }

    [Fact]
    public void Unknown_keys_are_kept_for_views()
    {
        var document = TestContent.Load(Certification, "---\ntitle: x\ndate: 2024-01-01\nbadge_color: gold\nlinks:\n  - a\n  - b\n---\n");

        Assert.Empty(document.Diagnostics);
        Assert.Equal("gold", document.Entries[0].Extra["badge_color"]);
        Assert.Equal("a, b", document.Entries[0].Extra["links"]);
    }

    [Fact]
    public void A_bad_item_a_list_repeats_through_a_yaml_alias_is_one_error_at_the_list()
    {
        var document = TestContent.Load(Certification, "---\ntitle: x\nbad: &bad [nested]\ntags: [aws, *bad, *bad, *bad]\n---\n");

        Assert.Equal("certifications/example.md:4:7: error: each of 'tags' must be a tag name; got a list (3 items like this)", Assert.Single(document.Diagnostics).ToString());
    }

    [Fact]
    public void Bad_items_on_several_lines_are_one_error_that_names_their_lines()
    {
        var document = TestContent.Load(Certification, "---\ntitle: x\ntags:\n  - aws\n  - [a]\n  - ml\n  - [b]\n  - {c: d}\n---\n");

        Assert.Equal(
            [
                "certifications/example.md:5:5: error: each of 'tags' must be a tag name; got a list (2 items like this, on lines 5, 7)",
                "certifications/example.md:8:5: error: each of 'tags' must be a tag name; got a mapping",
            ],
            document.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_draft_is_marked_so_the_site_can_hide_it()
    {
        var document = TestContent.Load(Certification, "---\ntitle: x\ndate: 2024-01-01\ndraft: true\n---\n");

        Assert.True(document.Entries[0].IsDraft);
    }

    [Fact]
    public void An_alias_bomb_in_front_matter_is_refused_without_expanding_it()
    {
        var yaml = new StringBuilder("---\ntitle: x\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        var document = TestContent.Load(Certification, yaml.Append("---\n").ToString());

        Assert.Contains(document.Diagnostics, d => d.IsError && d.Message.StartsWith("front matter is too large or too deeply nested", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sidecar_completes_front_matter_and_the_file_wins_where_both_say()
    {
        var file = new Portfolio.Content.Loading.ContentFile(Certification, "---\ntitle: From the file\n---\n"u8.ToArray(),
            "certifications/example.yml", "title: From the sidecar\ncode: ABC-C01\ndate: 2024-01-02\n"u8.ToArray());

        var document = Portfolio.Content.Loading.ContentLoader.Load(file, _ => true);

        var entry = Assert.Single(document.Entries);
        Assert.Equal("From the file", entry.Title);
        Assert.Equal("ABC-C01", entry.Credential!.Code);
        Assert.Equal(new DateTime(2024, 1, 2), entry.Date);
        var conflict = Assert.Single(document.Diagnostics);
        Assert.Equal("certifications/example.yml:1:8: warning: 'title' is also set in the Markdown file's front matter, which wins", conflict.ToString());
    }

    [Fact]
    public void A_broken_sidecar_is_an_error_in_the_sidecar()
    {
        var file = new Portfolio.Content.Loading.ContentFile(Certification, "# Title\n"u8.ToArray(), "certifications/example.yml", "date: [\n"u8.ToArray());

        var document = Portfolio.Content.Loading.ContentLoader.Load(file, _ => true);

        Assert.True(document.Failed);
        Assert.Equal("certifications/example.yml", Assert.Single(document.Diagnostics).Path);
    }
}
