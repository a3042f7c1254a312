using Portfolio.Content.Data;

namespace Portfolio.Content.Tests.Links;

/// <summary>"[see](#a-heading)" in a file split into pages leads to the page that shows the heading.</summary>
public sealed class InPageLinkTests
{
    private const string Guide = """
        # Study Guide
        Start with [the metrics](#step-3-define-success-metrics), and [the intro](#how-to-use-this-guide).

        ## How to use this guide
        Read in order.

        # Module 1: Data
        See [metrics](#Step-3-Define-Success-Metrics) later, [cleaning](#cleaning) here,
        [a note of this page](#fn-note) and [the guide's intro](#how-to-use-this-guide).

        ## Cleaning
        Drop what is broken.

        # Module 2: Models
        Back to [cleaning](#cleaning), and [nowhere](#no-such-heading).

        ## Step 3: Define Success Metrics
        Accuracy is not enough.
        """;

    /// <summary>The HTML of the guide's own page (0) or of a module (1, 2).</summary>
    private static string HtmlOf(List<Entry> entries, int module) =>
        module == 0 ? entries.Single(e => e.Kind == EntryKind.Guide).Html : entries.Where(e => e.Kind == EntryKind.GuideModule).ElementAt(module - 1).Html;

    private static List<Entry> Load() => TestContent.Load("guides/study.md", Guide).Entries;

    [Fact]
    public void A_link_to_a_heading_another_module_shows_leads_to_that_module_at_the_heading()
    {
        var entries = Load();

        Assert.Contains("<a href=\"/guides/study/module-2#step-3-define-success-metrics\">metrics</a>", HtmlOf(entries, 1), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/guides/study/module-1#cleaning\">cleaning</a>", HtmlOf(entries, 2), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/guides/study/module-2#step-3-define-success-metrics\">the metrics</a>", HtmlOf(entries, 0), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/guides/study#how-to-use-this-guide\">the guide's intro</a>", HtmlOf(entries, 1), StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_heading_of_its_own_page_or_to_no_heading_stays_as_written()
    {
        var entries = Load();

        Assert.Contains("<a href=\"#cleaning\">cleaning</a>", HtmlOf(entries, 1), StringComparison.Ordinal);
        Assert.Contains("<a href=\"#fn-note\">a note of this page</a>", HtmlOf(entries, 1), StringComparison.Ordinal);
        Assert.Contains("<a href=\"#no-such-heading\">nowhere</a>", HtmlOf(entries, 2), StringComparison.Ordinal);
        Assert.Contains("<a href=\"#how-to-use-this-guide\">the intro</a>", HtmlOf(entries, 0), StringComparison.Ordinal);
        Assert.DoesNotContain(TestContent.Load("guides/study.md", Guide).Diagnostics, d => d.Message.Contains("no-such-heading", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_of_one_page_keeps_its_in_page_links()
    {
        var note = TestContent.Load("programs/p/note.md", "# Note\n\nSee [below](#later) and [elsewhere](#missing).\n\n## Later\n\nText.\n");

        Assert.Contains("<a href=\"#later\">below</a>", note.Entries[0].Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#missing\">elsewhere</a>", note.Entries[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_to_a_capstone_whose_title_repeats_leads_to_its_numbered_page()
    {
        var document = TestContent.Load("programs/nd/index.md", TestContent.ProgramWithRepeatedCapstoneTitle);
        var capstones = document.Entries.Where(e => e.Kind == EntryKind.Capstone).ToList();
        var program = document.Entries.Single(e => e.Kind == EntryKind.Program);

        Assert.Equal(["image-classifier", "image-classifier-2"], capstones.Select(c => c.Slug));
        Assert.Contains("<a href=\"/programs/nd/capstones/image-classifier-2\">the retake</a>", program.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/programs/nd/capstones/image-classifier\">the first</a>", capstones[1].Html, StringComparison.Ordinal);
        Assert.Contains(document.Diagnostics, d => d.Line == 12 && d.Message == "the slug 'image-classifier' is already used in this file (line 6); this one is served as 'image-classifier-2'");
    }
}
