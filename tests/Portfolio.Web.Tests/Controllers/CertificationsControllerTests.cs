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
        Assert.Equal("Earned", facts["Status"]);
        Assert.Equal("5 March 2024", facts["Earned"]);
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

        Assert.Equal(["In preparation", "Earned"], document.Texts(".badge"));
    }
}
