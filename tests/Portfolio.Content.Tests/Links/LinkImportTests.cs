using Portfolio.Content.Data;
using Portfolio.Content.Import;

namespace Portfolio.Content.Tests.Links;

/// <summary>
/// Links between entries as rows of a real SQLite file, through edits, additions, renames and deletions: every entry a
/// change touches has its links, backlinks and HTML brought up to date, and a cold import of the same folder agrees.
/// </summary>
public sealed class LinkImportTests : IDisposable
{
    private const string Program = "programs/p/index.md";
    private const string NoteA = "programs/p/a.md";
    private const string NoteB = "programs/p/b.md";
    private const string Guide = "guides/g.md";

    private readonly TempFolder _folder = new();
    private readonly ContentImporter _importer = new(TimeProvider.System);

    public LinkImportTests()
    {
        _folder.Write("site.yml", "name: Tester\n");
        _folder.Write(Program, "---\ndate: 2024-01-01\n---\n# P\n\nA program.\n\n## Capstone Projects\n\n### Project 1: Vision\n\n- **Objective:** o\n- **Implementation:** i\n- **Technologies:** t\n- **Outcome:** out\n");
        _folder.Write(NoteA, "# Note A\n\nSee [B](b.md) and [[vision]].\n");
        _folder.Write(NoteB, "# Note B\n\nBack to [[Note A]].\n");
        _folder.Write(Guide, "# G\n\n# Module 1: One\n\nText.\n\n## Details\n\nMore.\n");
    }

    public void Dispose() => _folder.Dispose();

    private ImportReport Import() => _importer.Import(_folder.Content, PortfolioDatabase.Options(_folder.Database));

    /// <summary>Each link as (source key, line, target key or null, fragment).</summary>
    private List<(string Source, int Line, string? Target, string? Fragment)> Links()
    {
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(_folder.Database));
        return db.EntryLinks
            .Join(db.Entries, l => l.SourceEntryId, e => e.Id, (l, e) => new { e.Key, l.Number, l.Line, l.TargetEntryId, l.Fragment })
            .AsEnumerable()
            .Select(l => (l.Key, l.Number, l.Line, Target: l.TargetEntryId is { } id ? db.Entries.Single(e => e.Id == id).Key : null, l.Fragment))
            .OrderBy(l => l.Key, StringComparer.Ordinal).ThenBy(l => l.Number)
            .Select(l => (l.Key, l.Line, l.Target, l.Fragment))
            .ToList();
    }

    /// <summary>The keys of the entries that link to an entry, through the rows.</summary>
    private List<string> LinkedFrom(string key)
    {
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(_folder.Database));
        var id = db.Entries.Single(e => e.Key == key).Id;
        return db.EntryLinks.Where(l => l.TargetEntryId == id)
            .Join(db.Entries, l => l.SourceEntryId, e => e.Id, (l, e) => e.Key).Distinct().AsEnumerable().Order(StringComparer.Ordinal).ToList();
    }

    private string Html(string key)
    {
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(_folder.Database));
        return db.Entries.Where(e => e.Key == key).Join(db.EntryBodies, e => e.Id, b => b.EntryId, (e, b) => b.Html).Single();
    }

    [Fact]
    public void Each_link_is_a_row_from_its_entry_to_the_entry_it_leads_to()
    {
        var report = Import();

        Assert.True(report.Warnings == 0, string.Join("\n", report.Diagnostics));
        Assert.Equal(
            [
                ("program:p/coursenote:a", 3, "program:p/coursenote:b", null),
                ("program:p/coursenote:a", 3, "program:p/capstone:vision", null),
                ("program:p/coursenote:b", 3, "program:p/coursenote:a", null),
            ],
            Links());
        Assert.Equal(["program:p/coursenote:a"], LinkedFrom("program:p/capstone:vision"));
        Assert.Equal("<p>See <a href=\"/programs/p/notes/b\">B</a> and <a href=\"/programs/p/capstones/vision\">vision</a>.</p>\n", Html("program:p/coursenote:a"));
    }

    [Fact]
    public void Links_anywhere_in_a_long_page_are_resolved_and_its_text_is_whole()
    {
        var paragraphs = string.Concat(Enumerable.Range(1, 200).Select(i => $"Paragraph {i} of a long page, with enough words to fill a line.\n\n"));
        _folder.Write(NoteA, $"# Note A\n\nSee [B](b.md) first.\n\n{paragraphs}And [[vision]] last.\n");

        Import();

        var html = Html("program:p/coursenote:a");
        Assert.StartsWith("<p>See <a href=\"/programs/p/notes/b\">B</a> first.</p>\n", html);
        Assert.EndsWith("<p>And <a href=\"/programs/p/capstones/vision\">vision</a> last.</p>\n", html);
        Assert.Contains("<p>Paragraph 200 of a long page, with enough words to fill a line.</p>", html);
    }

    [Fact]
    public void A_link_in_a_list_indented_as_code_is_reported_at_its_own_line_and_column()
    {
        _folder.Write(NoteA, "# Note A\n\nIntro.\n\n    1. First [see](missing.md) here.\n    2. Second [[nowhere-at-all]].\n");

        var report = Import();

        Assert.Equal(
            [
                "programs/p/a.md:5:1: warning: an indented list is read as a list, not as code; remove the indentation to make this explicit",
                "programs/p/a.md:5:14: warning: link 'missing.md' not found: there is no file content/programs/p/missing.md; it is shown as text",
                "programs/p/a.md:6:15: warning: wikilink '[[nowhere-at-all]]' not found: no entry has the slug or title 'nowhere-at-all'; it is shown as text",
            ],
            report.Diagnostics.Where(d => d.Path == NoteA).Select(d => d.ToString()));
    }

    [Fact]
    public void Editing_a_file_changes_its_links_and_the_backlinks_of_what_it_linked_to()
    {
        Import();
        _folder.Write(NoteA, "# Note A\n\nNow [[g/module-1#details]] only.\n");

        var report = Import();

        Assert.Equal(1, report.ParsedFiles);
        Assert.Equal(["program:p/coursenote:a"], LinkedFrom("guide:g/guidemodule:module-1"));
        Assert.Empty(LinkedFrom("program:p/coursenote:b"));
        Assert.Empty(LinkedFrom("program:p/capstone:vision"));
        Assert.Equal([("program:p/coursenote:a", 3, "guide:g/guidemodule:module-1", "details"), ("program:p/coursenote:b", 3, "program:p/coursenote:a", null)], Links());
    }

    [Fact]
    public void A_broken_link_comes_alive_when_its_target_is_added_without_its_file_being_edited()
    {
        _folder.Write(NoteA, "# Note A\n\nSee [C](c.md#later) soon.\n");
        var before = Import();
        Assert.Contains(before.Diagnostics.Select(d => d.ToString()), d => d == "programs/p/a.md:3:5: warning: link 'c.md#later' not found: there is no file content/programs/p/c.md; it is shown as text");
        Assert.Equal("<p>See C soon.</p>\n", Html("program:p/coursenote:a"));

        _folder.Write("programs/p/c.md", "# Note C\n\n## Later\n\nText.\n");
        var after = Import();

        Assert.Equal(1, after.ParsedFiles);
        Assert.Equal(0, after.Warnings);
        Assert.Equal("<p>See <a href=\"/programs/p/notes/c#later\">C</a> soon.</p>\n", Html("program:p/coursenote:a"));
        Assert.Equal(["program:p/coursenote:a"], LinkedFrom("program:p/coursenote:c"));
    }

    [Fact]
    public void Deleting_a_target_turns_its_links_to_text_and_reports_them()
    {
        Import();
        _folder.Delete(NoteB);

        var report = Import();

        Assert.Equal(0, report.ParsedFiles);
        Assert.Equal("<p>See B and <a href=\"/programs/p/capstones/vision\">vision</a>.</p>\n", Html("program:p/coursenote:a"));
        Assert.Contains(report.Diagnostics, d => d.ToString() == "programs/p/a.md:3:5: warning: link 'b.md' not found: there is no file content/programs/p/b.md; it is shown as text");
        Assert.Equal([("program:p/coursenote:a", 3, null, null), ("program:p/coursenote:a", 3, "program:p/capstone:vision", null)], Links());
    }

    [Fact]
    public void Renaming_a_file_breaks_links_to_its_path_and_keeps_those_to_its_title()
    {
        _folder.Write("programs/p/c.md", "# Note C\n\n[[Note B]] and [B](b.md).\n");
        Import();
        File.Move(Path.Combine(_folder.Content, NoteB), Path.Combine(_folder.Content, "programs/p/bee.md"));

        var report = Import();

        Assert.Equal(1, report.ParsedFiles);
        Assert.Contains(report.Diagnostics, d => d.ToString() == "programs/p/c.md:3:16: warning: link 'b.md' not found: there is no file content/programs/p/b.md; it is shown as text");
        Assert.Equal("<p><a href=\"/programs/p/notes/bee\">Note B</a> and B.</p>\n", Html("program:p/coursenote:c"));
        Assert.Equal(["program:p/coursenote:c"], LinkedFrom("program:p/coursenote:bee"));
        Assert.Equal(["program:p/coursenote:bee"], LinkedFrom("program:p/coursenote:a"));
    }

    [Fact]
    public void A_changed_title_breaks_the_wikilinks_that_named_it_and_the_old_title_back_mends_them()
    {
        Import();
        _folder.Write(NoteA, "# Note Alpha\n\nSee [B](b.md) and [[vision]].\n");

        var renamed = Import();

        Assert.Contains(renamed.Diagnostics, d => d.Path == NoteB && d.Message.StartsWith("wikilink '[[Note A]]' not found", StringComparison.Ordinal));
        Assert.Equal("<p>Back to Note A.</p>\n", Html("program:p/coursenote:b"));

        _folder.Write(NoteA, "# Note A\n\nSee [B](b.md) and [[vision]].\n");
        var restored = Import();

        Assert.Equal(0, restored.Warnings);
        Assert.Equal("<p>Back to <a href=\"/programs/p/notes/a\">Note A</a>.</p>\n", Html("program:p/coursenote:b"));
    }

    [Fact]
    public void A_cold_import_gives_the_rows_html_and_warnings_that_a_run_of_incremental_imports_gave()
    {
        Import();
        _folder.Write("programs/p/c.md", "# Note C\n\nSee [[Note D]], [A](a.md#nowhere) and [[g#details]].\n");
        Import();
        _folder.Write("programs/p/d.md", "# Note D\n\nBack to [[note c]].\n");
        Import();
        File.Move(Path.Combine(_folder.Content, NoteB), Path.Combine(_folder.Content, "programs/p/b2.md"));
        Import();
        _folder.Write(Guide, "# G\n\n# Module 1: One\n\nText.\n\n# Module 2: Two\n\n## Details\n\nMoved.\n");
        _folder.Write(NoteA, "# Note A\n\n## Nowhere\n\nSee [B](b2.md) and [[vision]].\n");
        var incremental = Import();
        var incrementalState = State(_folder.Database);

        var cold = Path.Combine(_folder.Root, "cold", "portfolio.db");
        var coldReport = _importer.Import(_folder.Content, PortfolioDatabase.Options(cold));

        Assert.Equal(coldReport.Diagnostics, incremental.Diagnostics);
        Assert.Equal(State(cold).Links, incrementalState.Links);
        Assert.Equal(State(cold).Bodies, incrementalState.Bodies);
        Assert.Contains(("program:p/coursenote:c", 1, "program:p/coursenote:a", "nowhere"), incrementalState.Links.Select(l => (l.Source, l.Number, l.Target, l.Fragment)));
        Assert.Contains(("program:p/coursenote:c", 2, "guide:g/guidemodule:module-2", "details"), incrementalState.Links.Select(l => (l.Source, l.Number, l.Target, l.Fragment)));
    }

    /// <summary>Every link row and every body, by entry key rather than by id (ids differ between a cold import and incremental ones).</summary>
    private static (List<(string Source, int Number, int Line, int Column, string Written, string? Target, string? Fragment)> Links, List<(string Key, string Html)> Bodies) State(string database)
    {
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(database));
        var keys = db.Entries.ToDictionary(e => e.Id, e => e.Key);
        var links = db.EntryLinks.AsEnumerable()
            .Select(l => (keys[l.SourceEntryId], l.Number, l.Line, l.Column, l.Written, l.TargetEntryId is { } id ? keys[id] : null, l.Fragment))
            .Order().ToList();
        var bodies = db.EntryBodies.AsEnumerable().Select(b => (keys[b.EntryId], b.Html)).Order().ToList();
        return (links, bodies);
    }
}
