using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Portfolio.Web.Tests.Outbound;

/// <summary>How near a credential's expiry is, on the day a page is served: "expires in N days", "expired on", expired ones last.</summary>
public sealed class ExpiryTests
{
    private const string Specialty = "/certifications/aws-certified-machine-learning-specialty";

    private static readonly HtmlParser Html = new();

    private static PortfolioFactory SiteOn(string day, int? renewalWindowDays = null)
    {
        var factory = new PortfolioFactory { Clock = new FixedClock(DateTimeOffset.Parse(day + "T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture)) };
        if (renewalWindowDays is { } days)
        {
            factory.Settings["Portfolio:RenewalWindowDays"] = days.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return factory;
    }

    private static async Task<IDocument> PageAsync(HttpClient client, string url) =>
        Html.ParseDocument(await client.GetStringAsync(new Uri(url, UriKind.Relative)));

    private static IElement CardOf(IDocument document, string title) =>
        document.QuerySelectorAll(".card").Single(c => c.QuerySelector(".card__title")!.TextContent.Trim() == title);

    private static string StatusOf(IElement card) => DocumentExtensions.Normalize(card.QuerySelector(".card__status")!.TextContent);

    [Fact]
    public async Task In_its_renewal_window_a_credential_says_in_how_many_days_it_expires_on_its_card_and_page()
    {
        using var factory = SiteOn("2026-12-20");
        using var client = factory.CreateReadyClient();

        var list = await PageAsync(client, "/certifications");
        var page = await PageAsync(client, Specialty);

        Assert.Equal("Expiring soon expires in 75 days, on 5 March 2027", StatusOf(CardOf(list, "AWS Certified Machine Learning - Specialty")));
        var notice = page.QuerySelector(".notice--expiring")!;
        Assert.Equal("This certification expires in 75 days, on 5 March 2027.", DocumentExtensions.Normalize(notice.TextContent));
        Assert.Equal("2027-03-05", notice.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task The_day_before_it_expires_it_is_one_day()
    {
        using var factory = SiteOn("2027-03-04");
        using var client = factory.CreateReadyClient();

        var page = await PageAsync(client, Specialty);

        Assert.Equal("This certification expires in 1 day, on 5 March 2027.", DocumentExtensions.Normalize(page.QuerySelector(".notice--expiring")!.TextContent));
    }

    [Fact]
    public async Task An_expired_credential_says_when_it_expired_on_its_card_and_page()
    {
        using var factory = SiteOn("2027-03-06");
        using var client = factory.CreateReadyClient();

        var list = await PageAsync(client, "/credentials");
        var page = await PageAsync(client, Specialty);

        var status = CardOf(list, "AWS Certified Machine Learning - Specialty").QuerySelector(".card__status")!;
        Assert.Equal("Expired on 5 March 2027", DocumentExtensions.Normalize(status.TextContent));
        Assert.Equal("2027-03-05", status.QuerySelector("time")!.GetAttribute("datetime"));
        var notice = page.QuerySelector(".notice--expired")!;
        Assert.Equal("This certification expired on 5 March 2027.", DocumentExtensions.Normalize(notice.TextContent));
        Assert.Equal("2027-03-05", notice.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Null(page.QuerySelector(".notice--expiring"));
    }

    [Fact]
    public async Task An_active_credential_far_from_its_expiry_has_no_notice()
    {
        using var factory = SiteOn("2025-06-01");
        using var client = factory.CreateReadyClient();

        var page = await PageAsync(client, Specialty);

        Assert.Null(page.QuerySelector(".notice"));
    }

    [Theory]
    [InlineData(30, "2026-12-20", null)]
    [InlineData(30, "2027-02-03", "Expiring soon expires in 30 days, on 5 March 2027")]
    [InlineData(120, "2026-11-20", "Expiring soon expires in 105 days, on 5 March 2027")]
    public async Task The_renewal_window_setting_decides_when_expiry_is_soon(int windowDays, string day, string? status)
    {
        using var factory = SiteOn(day, windowDays);
        using var client = factory.CreateReadyClient();

        var card = CardOf(await PageAsync(client, "/certifications"), "AWS Certified Machine Learning - Specialty");

        Assert.Equal(status ?? "Active earned March 2024, valid until March 2027", StatusOf(card));
    }

    [Fact]
    public async Task Expired_credentials_are_listed_after_active_ones()
    {
        using var factory = SiteOn("2027-06-01");
        factory.Folder.Write("certifications/older.md", "---\ntitle: Older But Valid\ndate: 2020-01-15\nissuer: Example Board\nexpires: 2030-01-15\ntags: [AWS, Certification]\n---\n\nText.\n");
        using var client = factory.CreateReadyClient();

        // Newest first would put the Specialty (2024) before the older one (2020); expired, it goes last.
        string[] expected = ["AWS Certified Machine Learning Engineer - Associate", "Older But Valid", "AWS Certified Machine Learning - Specialty"];
        foreach (var url in new[] { "/certifications", "/credentials?kind=certification", "/tags/certification" })
        {
            var document = await PageAsync(client, url);
            Assert.Equal(expected, document.QuerySelectorAll(".card--certification .card__title").Select(t => t.TextContent.Trim()));
        }

        var home = await PageAsync(client, "/");
        Assert.Equal("AWS Certified Machine Learning - Specialty", home.QuerySelectorAll(".card__title")[^1].TextContent.Trim());
        var cv = await PageAsync(client, "/cv");
        Assert.Equal("AWS Certified Machine Learning - Specialty", cv.QuerySelectorAll("#cv-credentials ~ .cv__list > li strong a")[^1].TextContent.Trim());
    }

    [Fact]
    public async Task A_planned_exam_shows_on_the_card_and_as_a_fact()
    {
        using var factory = SiteOn("2025-06-01");
        factory.Folder.Write("certifications/planned.md", "---\ntitle: Planned Cert\nstatus: in-preparation\nissuer: Example Board\nexam_date: 2025-09-15\n---\n\nText.\n");
        using var client = factory.CreateReadyClient();

        var card = CardOf(await PageAsync(client, "/certifications"), "Planned Cert");
        var page = await PageAsync(client, "/certifications/planned");

        Assert.Equal("In preparation exam on 15 September 2025", StatusOf(card));
        var facts = page.QuerySelectorAll(".facts__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent, r => r.QuerySelector("dd")!.TextContent);
        Assert.Equal("15 September 2025", facts["Exam date"]);
    }

    [Fact]
    public async Task Health_stays_about_the_site_when_a_credential_has_expired()
    {
        using var factory = SiteOn("2030-01-01");
        using var client = factory.CreateReadyClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain("expir", health.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
