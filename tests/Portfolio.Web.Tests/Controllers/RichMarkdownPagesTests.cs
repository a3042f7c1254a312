using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Portfolio.Web.Tests.Controllers;

/// <summary>Pages of a study guide with callouts, coloured code and objectives, and of the certifications it prepares for.</summary>
public sealed class RichMarkdownPagesTests : IDisposable
{
    private const string Guide = """
        # Study Notes
        - [x] Book the exam
        - [ ] Sit a practice test

        # Module 1: Data
        > [!NOTE]
        > SageMaker reads training data from S3.

        > [!warning]- Costs
        > Stop notebook instances you do not use.

        ```python
        import boto3
        s3 = boto3.client("s3")  # one client
        ```

        - [x] Read the chapter
        - [x] Do the lab
        - [ ] Write a summary

        # Module 2: Models
        Nothing to tick here yet.
        """;

    private readonly PortfolioFactory _factory = new() { Clock = new FixedClock(SiteFixture.Today) };
    private readonly HttpClient _client;

    public RichMarkdownPagesTests()
    {
        _factory.Folder.Write("guides/study-notes.md", Guide);
        _factory.Folder.Write("certifications/preparing.md", "---\ntitle: Preparing Cert\nstatus: in-preparation\nguide: study-notes\n---\nText.\n");
        _factory.Folder.Write("certifications/earned.md", "---\ntitle: Earned Cert\ndate: 2025-01-10\nguide: study-notes\n---\nText.\n");
        _client = _factory.CreateReadyClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(string url)
    {
        var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return (response, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_module_shows_its_callouts_and_coloured_code_under_the_same_content_security_policy()
    {
        var (response, page) = await GetAsync("/guides/study-notes/module-1");
        using var _ = response;

        // The policy as it was before callouts and code: no inline style or script is needed for them.
        Assert.Equal(
            "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(["Note", "Warning: Costs"], page.Texts(".prose .markdown-alert-title"));
        Assert.Equal("div", page.QuerySelector(".markdown-alert-note")!.LocalName);
        var folded = page.QuerySelector("details.markdown-alert-warning")!;
        Assert.False(folded.HasAttribute("open"));
        Assert.Equal("Stop notebook instances you do not use.", DocumentExtensions.Normalize(folded.QuerySelector("p")!.TextContent));
        Assert.Equal(["import", "# one client"], page.Texts("code.language-python .tok-keyword, code.language-python .tok-comment"));
        Assert.Equal("\"s3\"", page.QuerySelector("code.language-python .tok-string")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("style, [style], script:not([type='application/ld+json'])"));
    }

    [Fact]
    public async Task The_guide_shows_the_objectives_done_beside_the_modules_written_and_each_modules_own()
    {
        var (response, page) = await GetAsync("/guides/study-notes");
        using var _ = response;

        Assert.Equal(["2 modules · 2 min to read", "3 of 5 objectives done"], page.Texts(".progress-box p").Take(2));
        var progress = page.QuerySelectorAll(".progress-box progress").Single(p => p.GetAttribute("aria-label") == "Objectives done");
        Assert.Equal(("5", "3"), (progress.GetAttribute("max"), progress.GetAttribute("value")));
        Assert.Equal(["1 min · 2 of 3 objectives", "1 min"], page.Texts(".chapter > .muted"));
    }

    [Fact]
    public async Task A_module_shows_its_own_objectives_and_one_without_any_shows_none()
    {
        var (first, module1) = await GetAsync("/guides/study-notes/module-1");
        var (second, module2) = await GetAsync("/guides/study-notes/module-2");
        using var _ = first;
        using var __ = second;

        Assert.EndsWith("Study Notes · 2 of 3 objectives done", DocumentExtensions.Normalize(module1.QuerySelector(".position")!.TextContent));
        Assert.EndsWith("Study Notes", DocumentExtensions.Normalize(module2.QuerySelector(".position")!.TextContent));
    }

    [Fact]
    public async Task A_certification_in_preparation_shows_how_far_its_guide_has_come_and_an_earned_one_does_not()
    {
        var (first, preparing) = await GetAsync("/certifications/preparing");
        var (second, earned) = await GetAsync("/certifications/earned");
        using var _ = first;
        using var __ = second;

        Assert.Equal(["3 of 5 objectives done"], preparing.Texts(".aside-progress p"));
        Assert.Equal("5", preparing.QuerySelector(".aside-progress progress")!.GetAttribute("max"));
        Assert.Equal(["Module 1: Data · 1 min · 2 of 3 objectives", "Module 2: Models · 1 min"], preparing.Texts(".reading-list li"));
        Assert.Empty(earned.QuerySelectorAll(".aside-progress"));
        Assert.Equal(["/guides/study-notes"], earned.Hrefs(".aside-link a"));
    }

    [Fact]
    public async Task The_owners_guide_has_no_task_items_and_shows_no_objectives()
    {
        var (guideResponse, guide) = await GetAsync("/guides/aws-machine-learning-engineering");
        var (certResponse, certification) = await GetAsync("/certifications/aws-certified-machine-learning-engineer-associate");
        using var _ = guideResponse;
        using var __ = certResponse;

        Assert.DoesNotContain("objective", guide.QuerySelector(".progress-box")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Single(guide.QuerySelectorAll(".progress-box progress"));
        Assert.Empty(certification.QuerySelectorAll(".aside-progress"));
    }

    [Fact]
    public async Task The_timeline_gives_a_guide_in_progress_its_objectives_too()
    {
        var (response, timeline) = await GetAsync("/timeline");
        using var _ = response;

        Assert.Contains("2 modules written · 3 of 5 objectives", timeline.Texts("*").Where(t => t.Length < 200));
    }
}
