using System.Text.RegularExpressions;
using Portfolio.Content.Data;
using Portfolio.Content.Import;

namespace Portfolio.Content.Tests.Links;

/// <summary>
/// Every form of link between entries, each written in a course note of its own beside the repository's content and
/// imported once: the address it leads to, or the warning it gives (and then it is text, not a link).
/// </summary>
public sealed partial class LinkFormTests(LinkFormTests.Site site) : IClassFixture<LinkFormTests.Site>
{
    private const string Program = "/programs/aws-machine-learning-engineer-nanodegree";
    private const string Guide = "/guides/aws-machine-learning-engineering";
    private const string Folder = "programs/aws-machine-learning-engineer-nanodegree";

    /// <summary>A link as written, and the address it leads to.</summary>
    public static TheoryData<string, string> Live => new()
    {
        { "[notes](course-notes.md)", $"{Program}/notes/course-notes" },
        { "[notes](./course-notes.md)", $"{Program}/notes/course-notes" },
        { "[plan](study%20plan.md)", $"{Program}/notes/study-plan" },
        { "[plan](<study plan.md>)", $"{Program}/notes/study-plan" },
        { "[program](index.md)", Program },
        { "[program](./)", Program },
        { "[program](../aws-machine-learning-engineer-nanodegree/)", Program },
        { "[program](../aws-machine-learning-engineer-nanodegree)", Program },
        { "[overview](index.md#program-overview)", $"{Program}#program-overview" },
        { "[vision](index.md#project-1-computer-vision-pipeline)", $"{Program}/capstones/computer-vision-pipeline" },
        { "[capstones](index.md#capstone-projects)", Program },
        { "[guide](../../guides/aws-machine-learning-engineering.md)", Guide },
        { "[module 2](../../guides/aws-machine-learning-engineering.md#module-2-turning-business-problems-into-ml-problems)", $"{Guide}/module-2" },
        { "[metrics](../../guides/aws-machine-learning-engineering.md#step-3-define-success-metrics)", $"{Guide}/module-2#step-3-define-success-metrics" },
        { "[layers](../../guides/aws-machine-learning-engineering.md#The-Three-Layers-of-AWS-ML)", $"{Guide}/introduction#the-three-layers-of-aws-ml" },
        { "[part](../../guides/aws-machine-learning-engineering.md#part-i-understanding-the-problem)", $"{Guide}#part-i" },
        { "[exam](../../certifications/aws-certified-machine-learning-specialty.md)", "/certifications/aws-certified-machine-learning-specialty" },
        { "[[aws-certified-machine-learning-specialty]]", "/certifications/aws-certified-machine-learning-specialty" },
        { "[[AWS-Machine-Learning-Engineering]]", Guide },
        { "[[Course Roadmap]]", $"{Program}/notes/course-roadmap" },
        { "[[course roadmap]]", $"{Program}/notes/course-roadmap" },
        { "[[Time Series Forecasting]]", $"{Program}/capstones/time-series-forecasting" },
        { "[[Module 2: Turning Business Problems into ML Problems]]", $"{Guide}/module-2" },
        { "[[aws-machine-learning-engineering/module-2]]", $"{Guide}/module-2" },
        { "[[aws-machine-learning-engineering/Module 1]]", $"{Guide}/module-1" },
        { "[[aws-machine-learning-engineer-nanodegree/computer-vision-pipeline]]", $"{Program}/capstones/computer-vision-pipeline" },
        { "[[guides/aws-machine-learning-engineering]]", Guide },
        { "[[aws-machine-learning-engineering#Step 3: Define Success Metrics]]", $"{Guide}/module-2#step-3-define-success-metrics" },
        { "[[aws-machine-learning-engineering/module-1#supervised-learning-learning-from-examples]]", $"{Guide}/module-1#supervised-learning-learning-from-examples" },
        { "[[computer-vision-pipeline|the vision project]]", $"{Program}/capstones/computer-vision-pipeline" },
    };

    /// <summary>A link as written, and the start of the warning it gives.</summary>
    public static TheoryData<string, string> Broken => new()
    {
        { "[x](no-such-note.md)", $"link 'no-such-note.md' not found: there is no file content/{Folder}/no-such-note.md; it is shown as text" },
        { "[x](course-notse.md)", $"link 'course-notse.md' not found: there is no file content/{Folder}/course-notse.md (did you mean 'course-notes.md'?); it is shown as text" },
        { "[x](../../guide/aws-machine-learning-engineering.md)", "link '../../guide/aws-machine-learning-engineering.md' not found: there is no file content/guide/aws-machine-learning-engineering.md (did you mean '../../guides/aws-machine-learning-engineering.md'?)" },
        { "[x](../no-such-program/)", "link '../no-such-program/' not found: there is no content/programs/no-such-program/index.md; it is shown as text" },
        { "[x](course-notes.md#no-such-heading)", $"link 'course-notes.md#no-such-heading' not found: content/{Folder}/course-notes.md has no heading '#no-such-heading'; it is shown as text" },
        { "[x](course-notes.md#machine-learning-case-studis)", $"link 'course-notes.md#machine-learning-case-studis' not found: content/{Folder}/course-notes.md has no heading '#machine-learning-case-studis' (did you mean '#machine-learning-case-studies'?)" },
        { "[[nothing-like-this-anywhere]]", "wikilink '[[nothing-like-this-anywhere]]' not found: no entry has the slug or title 'nothing-like-this-anywhere'; it is shown as text" },
        { "[[aws-certified-machine-learning-specialy]]", "wikilink '[[aws-certified-machine-learning-specialy]]' not found: no entry has the slug or title 'aws-certified-machine-learning-specialy' (did you mean [[aws-certified-machine-learning-specialty]]?)" },
        { "[[Twin]]", "wikilink '[[Twin]]' is ambiguous: 'Twin' names 2 entries: [[certifications/twin-one]] (certification), [[certifications/twin-two]] (certification); write one of those" },
        { "[[course-roadmap#no-such-heading]]", $"wikilink '[[course-roadmap#no-such-heading]]' not found: content/{Folder}/course-roadmap.md has no heading '#no-such-heading'" },
        { "[[draft-note]]", $"wikilink '[[draft-note]]' leads to a draft, content/{Folder}/draft-note.md; it is shown as text until the draft is published" },
        { "[x](../../misc/loose.md)", "link '../../misc/loose.md' leads to content/misc/loose.md, which is outside programs/, certifications/ and guides/ and has no page of its own" },
    };

    [Theory]
    [MemberData(nameof(Live))]
    public void A_link_to_an_entry_leads_to_its_page(string link, string href)
    {
        var (html, warnings) = site.Case(link);

        Assert.Empty(warnings);
        var anchor = Assert.Single(AnchorPattern().Matches(html));
        Assert.Equal(href, System.Net.WebUtility.HtmlDecode(anchor.Groups["href"].Value));
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_link_that_leads_nowhere_is_a_warning_at_its_line_and_shown_as_text(string link, string warning)
    {
        var (html, warnings) = site.Case(link);

        var reported = Assert.Single(warnings);
        Assert.StartsWith($"{site.PathOf(link)}:3:5: warning: {warning}", reported);
        Assert.DoesNotContain("<a", html);
        Assert.DoesNotContain("entry-link", html, StringComparison.Ordinal);
        Assert.Contains("See ", html);
    }

    [Fact]
    public void A_wikilink_shows_its_own_text_or_what_it_names()
    {
        Assert.Equal($"<p>See <a href=\"{Program}/capstones/computer-vision-pipeline\">the vision project</a> here.</p>\n",
            site.Case("[[computer-vision-pipeline|the vision project]]").Html);
        Assert.Equal($"<p>See <a href=\"{Guide}/module-2\">aws-machine-learning-engineering/module-2</a> here.</p>\n",
            site.Case("[[aws-machine-learning-engineering/module-2]]").Html);
        Assert.Equal($"<p>See <a href=\"{Guide}/module-2#step-3-define-success-metrics\">aws-machine-learning-engineering › Step 3: Define Success Metrics</a> here.</p>\n",
            site.Case("[[aws-machine-learning-engineering#Step 3: Define Success Metrics]]").Html);
        Assert.Equal("<p>See Twin here.</p>\n", site.Case("[[Twin]]").Html);
    }

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\">")]
    private static partial Regex AnchorPattern();

    /// <summary>The repository's content with a course note for each link form, imported once.</summary>
    public sealed class Site : IDisposable
    {
        private readonly TempFolder _folder = TempFolder.WithRepositoryContent();
        private readonly Dictionary<string, string> _paths = [];
        private readonly Dictionary<string, (string Html, List<string> Warnings)> _cases = [];

        public Site()
        {
            _folder.Write($"{Folder}/study plan.md", "# Study plan\n\nWeeks one to four.\n");
            _folder.Write($"{Folder}/draft-note.md", "---\ntitle: Draft note\ndraft: true\n---\nNot yet.\n");
            _folder.Write("certifications/twin-one.md", "---\ntitle: Twin\ndate: 2024-01-01\n---\nOne.\n");
            _folder.Write("certifications/twin-two.md", "---\ntitle: Twin\ndate: 2024-01-02\n---\nTwo.\n");
            _folder.Write("misc/loose.md", "# Loose\n");
            var links = Live.Select(row => (string)row[0]).Concat(Broken.Select(row => (string)row[0])).Distinct().ToList();
            for (var i = 0; i < links.Count; i++)
            {
                _paths[links[i]] = $"{Folder}/case-{i:D2}.md";
                _folder.Write(_paths[links[i]], $"# Case {i:D2}\n\nSee {links[i]} here.\n");
            }

            var report = new ContentImporter(TimeProvider.System).Import(_folder.Content, PortfolioDatabase.Options(_folder.Database));
            using var db = new PortfolioDbContext(PortfolioDatabase.Options(_folder.Database));
            foreach (var (link, path) in _paths)
            {
                var html = db.Entries.Where(e => e.SourcePath == path).Join(db.EntryBodies, e => e.Id, b => b.EntryId, (e, b) => b.Html).Single();
                _cases[link] = (html, report.Diagnostics.Where(d => d.Path == path && !d.IsError).Select(d => d.ToString()).ToList());
            }
        }

        public string PathOf(string link) => _paths[link];

        public (string Html, List<string> Warnings) Case(string link) => _cases[link];

        public void Dispose() => _folder.Dispose();
    }
}
