namespace Portfolio.Web.Tests.Controllers;

public sealed class HomeControllerTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Home_says_whose_portfolio_it_is_from_the_site_file()
    {
        var document = await site.GetPageAsync("/");

        Assert.Equal("Your Name", document.H1());
        Assert.Contains("Machine Learning Engineer · AWS", document.QuerySelector(".hero .lead")!.TextContent);
        Assert.Equal("Your Name", document.QuerySelector(".site-brand__name")!.TextContent);
        Assert.Equal(["GitHub", "LinkedIn"], document.Texts(".site-footer a"));
    }

    [Fact]
    public async Task Home_tells_what_was_learned_from_the_content()
    {
        var document = await site.GetPageAsync("/");

        Assert.Equal(
            ["Completed the AWS Machine Learning Engineer Nanodegree with Udacity in partnership with Amazon Web Services in 2023, building 3 capstone projects.",
             "Preparing for the AWS Certified Machine Learning Engineer - Associate (MLA-C01), writing a study guide along the way (2 modules so far).",
             "Earned the AWS Certified Machine Learning - Specialty (MLS-C01) in March 2024."],
            document.Texts(".story li"));
    }

    [Fact]
    public async Task Home_highlights_the_counts_and_the_latest_credentials()
    {
        var document = await site.GetPageAsync("/");

        Assert.Equal(["1 program", "3 capstone projects", "2 certifications", "2 guide modules"], document.Texts(".stats a"));
        Assert.Equal(
            ["AWS Certified Machine Learning Engineer - Associate", "AWS Certified Machine Learning - Specialty", "AWS Machine Learning Engineer Nanodegree"],
            document.Texts(".card__title"));
    }

    [Fact]
    public async Task Home_lists_the_tags_with_their_counts()
    {
        var document = await site.GetPageAsync("/");

        var tags = document.Texts("section[aria-labelledby=skills] .tag");
        Assert.Equal("Machine Learning 9", tags[0]);
        Assert.Contains("AWS 8", tags);
        Assert.Contains("Scholarship 1", tags);
        Assert.Contains("/tags/machine-learning", document.Hrefs("section[aria-labelledby=skills] .tag"));
    }

    [Fact]
    public async Task An_unknown_page_gets_a_404_that_helps()
    {
        var (status, document) = await site.GetAsync("/nothing/here");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, status);
        Assert.Contains("/", document.Hrefs(".link-list a"));
        Assert.Contains("/credentials", document.Hrefs(".link-list a"));
    }
}
