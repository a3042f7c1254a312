namespace Portfolio.Web.Tests.Controllers;

public sealed class CertificationsControllerTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static Dictionary<string, string> Facts(AngleSharp.Dom.IDocument document) =>
        document.QuerySelectorAll(".facts__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent, r => r.QuerySelector("dd")!.TextContent);

    [Fact]
    public async Task An_earned_certification_shows_issuer_code_date_competencies_and_tags()
    {
        var document = await site.GetPageAsync("/certifications/aws-certified-machine-learning-specialty");

        var facts = Facts(document);
        Assert.Equal("Amazon Web Services", facts["Issuer"]);
        Assert.Equal("MLS-C01", facts["Exam code"]);
        Assert.Equal("Active", facts["Status"]);
        Assert.Equal("5 March 2024", facts["Earned"]);
        Assert.Equal("5 March 2027", facts["Valid until"]);
        Assert.Equal(["Data Engineering", "Modeling", "Deployment & Operations", "ML Security & Compliance"], document.Texts(".topics h3"));
        Assert.Equal(["AWS", "Certification", "Machine Learning"], document.Texts(".page-head .tag"));
        Assert.Empty(document.QuerySelectorAll(".prose h1"));
    }

    [Fact]
    public async Task The_certification_in_preparation_lists_the_guide_modules_as_a_reading_list()
    {
        var document = await site.GetPageAsync("/certifications/aws-certified-machine-learning-engineer-associate");

        Assert.Equal("In preparation", Facts(document)["Status"]);
        Assert.False(Facts(document).ContainsKey("Earned"));
        Assert.Equal(
            ["/guides/aws-machine-learning-engineering/introduction", "/guides/aws-machine-learning-engineering/module-1", "/guides/aws-machine-learning-engineering/module-2"],
            document.Hrefs(".reading-list a"));
        Assert.Equal("/guides/aws-machine-learning-engineering", document.QuerySelector(".aside-link a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Certifications_list_shows_status_badges()
    {
        var document = await site.GetPageAsync("/certifications");

        Assert.Equal(["In preparation", "Active"], document.Texts(".badge"));
    }

    [Fact]
    public async Task A_card_says_when_a_credential_was_earned_and_until_when_it_is_valid_in_one_phrase()
    {
        var document = await site.GetPageAsync("/credentials?kind=certification");

        var card = document.QuerySelectorAll(".card").Single(c => c.TextContent.Contains("Specialty", StringComparison.Ordinal));
        var status = string.Join(' ', card.QuerySelector(".badge")!.ParentElement!.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Active earned March 2024, valid until March 2027", status, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-06-01", "Active", "Valid until")]
    [InlineData("2026-12-20", "Expiring soon", "Valid until")]
    [InlineData("2027-03-05", "Expired", "Expired")]
    [InlineData("2030-01-01", "Expired", "Expired")]
    public async Task The_status_is_worked_out_on_the_day_the_page_is_served(string today, string status, string expiryLabel)
    {
        using var factory = new PortfolioFactory { Clock = new FixedClock(DateTimeOffset.Parse(today + "T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture)) };
        using var client = factory.CreateReadyClient();
        var parser = new AngleSharp.Html.Parser.HtmlParser();

        var page = parser.ParseDocument(await client.GetStringAsync(new Uri("/certifications/aws-certified-machine-learning-specialty", UriKind.Relative)));
        var list = parser.ParseDocument(await client.GetStringAsync(new Uri("/credentials?kind=certification", UriKind.Relative)));

        Assert.Equal(status, Facts(page)["Status"]);
        Assert.Equal("5 March 2027", Facts(page)[expiryLabel]);
        Assert.Contains(status, list.Texts(".badge"));
    }

    [Fact]
    public async Task A_verify_button_links_to_the_verification_url_where_there_is_one()
    {
        using var factory = new PortfolioFactory { Clock = new FixedClock(SiteFixture.Today) };
        factory.Folder.Write("certifications/verified.md",
            "---\ntitle: Verified Cert\ndate: 2025-01-10\nissuer: Example Board\ncredential_id: ABC-123\nverification_url: https://verify.example.com/abc-123\nexpires: 2028-01-10\n---\n\nText.\n");
        using var client = factory.CreateReadyClient();
        var parser = new AngleSharp.Html.Parser.HtmlParser();

        var verified = parser.ParseDocument(await client.GetStringAsync(new Uri("/certifications/verified", UriKind.Relative)));
        var unverified = parser.ParseDocument(await client.GetStringAsync(new Uri("/certifications/aws-certified-machine-learning-specialty", UriKind.Relative)));

        var button = verified.QuerySelector("a.button")!;
        Assert.Equal("Verify this credential", button.TextContent);
        Assert.Equal("https://verify.example.com/abc-123", button.GetAttribute("href"));
        Assert.Equal("ABC-123", Facts(verified)["Credential ID"]);
        Assert.Equal("10 January 2028", Facts(verified)["Valid until"]);
        Assert.Null(unverified.QuerySelector("a.button"));
    }

    [Fact]
    public async Task Missing_facts_are_simply_not_shown()
    {
        var document = await site.GetPageAsync("/certifications/aws-certified-machine-learning-engineer-associate");

        Assert.Equal(["Issuer", "Exam code", "Status"], document.Texts(".facts dt"));
    }
}
