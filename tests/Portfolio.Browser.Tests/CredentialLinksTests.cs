using System.Globalization;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Portfolio.Browser.Tests;

/// <summary>
/// The site with three more certifications, dated from the real day the tests run (the site reads the system clock):
/// one expiring in 40 days, one expired 10 days ago, and one in preparation with its exam in 60 days.
/// </summary>
public sealed class CredentialSite : IAsyncLifetime
{
    public const string Expiring = "/certifications/example-cloud-practitioner";

    private static string Day(int fromToday) => DateTime.UtcNow.Date.AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, byte[]> Files = new()
    {
        ["certifications/example-cloud-practitioner.md"] = Encoding.UTF8.GetBytes($"""
            ---
            title: Example Cloud Practitioner
            date: {Day(-1000)}
            expires: {Day(40)}
            issuer: Example Cloud Academy
            code: ECP-01
            credential_id: ECP-2023-0042
            verification_url: https://verify.example.com/ecp-2023-0042
            tags: [Cloud, Certification]
            ---
            Earned the Example Cloud Practitioner certification.

            ## Key Competencies

            - Cloud concepts
            - Security and compliance
            """),
        ["certifications/example-data-analyst.md"] = Encoding.UTF8.GetBytes($"""
            ---
            title: Example Data Analyst
            date: {Day(-800)}
            expires: {Day(-10)}
            issuer: Example Data Board
            tags: [Data, Certification]
            ---
            Earned the Example Data Analyst certification; it has lapsed.
            """),
        ["certifications/example-ml-architect.md"] = Encoding.UTF8.GetBytes($"""
            ---
            title: Example ML Architect
            status: in-preparation
            issuer: Example Cloud Academy
            exam_date: {Day(60)}
            tags: [Machine Learning, Certification]
            ---
            Preparing for the Example ML Architect exam.
            """),
    };

    public SiteServer Server { get; } = new(Files);

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}

/// <summary>A certification near its expiry: its notice, "Add to LinkedIn" and its calendar file, at every width in both palettes.</summary>
[Collection(SiteCollection.Name)]
public sealed class CredentialLinksTests(CredentialSite site) : IClassFixture<CredentialSite>
{
    public static TheoryData<int, ColorScheme> Views => new()
    {
        { 1280, ColorScheme.Light },
        { 1280, ColorScheme.Dark },
        { 360, ColorScheme.Light },
        { 360, ColorScheme.Dark },
    };

    private static string Name(string what, int width, ColorScheme scheme) =>
        $"{what}-{(width == 360 ? "360" : "desktop")}-{scheme.ToString().ToLowerInvariant()}.png";

    private static async Task AssertCleanAsync(IPage page, string url, int width)
    {
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, $"{url} scrolls sideways at {width} px");
        var results = await page.RunAxe();
        Assert.True(results.Violations.Length == 0, string.Join('\n', results.Violations.Select(v => $"{url}: {v.Id} {v.Impact}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task An_expiring_certification_page_shows_its_notice_and_its_links_out(int width, ColorScheme scheme)
    {
        var page = await site.Server.NewPageAsync(width: width, height: 900, colorScheme: scheme);
        await page.GotoAsync(CredentialSite.Expiring);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteServer.ScreenshotFolder, Name("certification-expiring", width, scheme)), FullPage = true });
        Assert.Equal("This certification expires in 40 days, on " + DateTime.UtcNow.Date.AddDays(40).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) + ".",
            await page.Locator(".notice--expiring").InnerTextAsync());
        var linkedIn = page.GetByRole(AriaRole.Link, new() { Name = "Add to LinkedIn" });
        Assert.True(await linkedIn.IsVisibleAsync());
        Assert.StartsWith("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&", await linkedIn.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Equal("noopener noreferrer", await linkedIn.GetAttributeAsync("rel"));
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Add the expiry to a calendar" }).IsVisibleAsync());
        await AssertCleanAsync(page, CredentialSite.Expiring, width);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task The_certifications_list_shows_the_expiring_card_and_the_expired_one_last(int width, ColorScheme scheme)
    {
        var page = await site.Server.NewPageAsync(width: width, height: 900, colorScheme: scheme);
        await page.GotoAsync("/certifications");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteServer.ScreenshotFolder, Name("certifications-expiry", width, scheme)), FullPage = true });
        var expiring = page.Locator(".card", new() { HasText = "Example Cloud Practitioner" }).Locator(".card__status");
        Assert.StartsWith("Expiring soon expires in 40 days, on ", Normalize(await expiring.InnerTextAsync()), StringComparison.Ordinal);
        Assert.Equal("Example Data Analyst", (await page.Locator(".card__title").AllInnerTextsAsync())[^1]);
        Assert.StartsWith("Expired on ", Normalize(await page.Locator(".card", new() { HasText = "Example Data Analyst" }).Locator(".card__status").InnerTextAsync()), StringComparison.Ordinal);
        await AssertCleanAsync(page, "/certifications", width);
    }

    [Fact]
    public async Task The_calendar_link_downloads_the_certification_s_events()
    {
        var page = await site.Server.NewPageAsync();
        await page.GotoAsync(CredentialSite.Expiring);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Add the expiry to a calendar" }).ClickAsync());

        Assert.Equal("example-cloud-practitioner.ics", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.Contains("UID:expiry-certification-example-cloud-practitioner@127.0.0.1\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_are_valid_html()
    {
        var (valid, errors) = await NuHtmlChecker.CheckAsync(site.Server.BaseUrl,
        [
            ("certification-expiring", CredentialSite.Expiring),
            ("certification-expired", "/certifications/example-data-analyst"),
            ("certification-exam", "/certifications/example-ml-architect"),
            ("certifications-expiry", "/certifications"),
            ("program-linkedin", "/programs/aws-machine-learning-engineer-nanodegree"),
            ("credentials-calendar", "/credentials"),
            ("cv-resume", "/cv"),
        ]);

        Assert.True(valid, $"the checker found errors:\n{errors}");
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
