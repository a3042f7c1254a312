namespace Portfolio.Web.Tests.Controllers;

public sealed class ProfileControllerTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task The_timeline_groups_dated_entries_by_year_newest_first_after_what_is_under_way()
    {
        var document = await site.GetPageAsync("/timeline");

        Assert.Equal(["In progress", "2024", "2023"], document.Texts("main h2"));
        Assert.Equal(["AWS Certified Machine Learning Engineer - Associate", "AWS Machine Learning Engineering: A Complete Journey"],
            document.QuerySelectorAll("section[aria-labelledby=year-now] .timeline__title").Select(t => t.TextContent));
        Assert.Equal(["AWS Certified Machine Learning - Specialty"], document.Texts("section[aria-labelledby=year-2024] .timeline__title"));
        Assert.Equal(3, document.QuerySelectorAll("section[aria-labelledby=year-2023] .timeline__parts li").Length);
        Assert.Contains("2 of 12 modules written", document.QuerySelector("section[aria-labelledby=year-now]")!.TextContent);
    }

    [Fact]
    public async Task The_cv_has_credentials_projects_and_skills_with_absolute_links()
    {
        var document = await site.GetPageAsync("/cv");

        Assert.Equal("Your Name", document.H1());
        Assert.Equal(["Credentials", "Projects", "Writing", "Skills"], document.Texts("main h2"));
        Assert.Equal(3, document.QuerySelectorAll("section[aria-labelledby=cv-credentials] li").Length);
        Assert.Equal(3, document.QuerySelectorAll("section[aria-labelledby=cv-projects] li").Length);
        Assert.All(document.Hrefs("section[aria-labelledby=cv-projects] a"), href => Assert.StartsWith(SiteFixture.BaseUrl, href));
        Assert.Contains("Machine Learning (9)", document.QuerySelector(".cv__skills")!.TextContent);
    }
}
