using System.Net;

namespace Portfolio.Web.Tests.Controllers;

public sealed class TagsControllerTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task Tags_page_lists_every_tag_with_its_count()
    {
        var document = await site.GetPageAsync("/tags");

        var tags = document.Texts(".tags .tag");
        Assert.Contains("AWS 8", tags);
        Assert.Contains("Machine Learning 9", tags);
        Assert.Contains("CNN models 1", tags);
        Assert.DoesNotContain(tags, t => t.StartsWith("ML ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tag_page_lists_everything_with_the_tag_grouped_by_kind()
    {
        var document = await site.GetPageAsync("/tags/aws");

        Assert.Equal(["Credentials", "Course notes", "Guides", "Guide modules"], document.Texts("main h2"));
        Assert.Equal(3, document.QuerySelectorAll("section[aria-labelledby=group-credentials] .card").Length);
        Assert.Equal(3, document.QuerySelectorAll("section[aria-labelledby=group-guide-modules] .card").Length);
        Assert.Equal("/credentials/tags/aws", document.QuerySelector(".page-head .lead a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_technology_tag_lists_its_capstone()
    {
        var document = await site.GetPageAsync("/tags/docker-containers");

        Assert.Equal(["/programs/aws-machine-learning-engineer-nanodegree/capstones/computer-vision-pipeline"], document.Hrefs("main .card__title a"));
    }

    [Theory]
    [InlineData("/tags/ml", "/tags/machine-learning")]
    [InlineData("/tags/ML", "/tags/machine-learning")]
    [InlineData("/tags/AWS", "/tags/aws")]
    [InlineData("/tags/Amazon%20Web%20Services", "/tags/aws")]
    public async Task An_alias_or_another_spelling_redirects_permanently(string url, string location)
    {
        using var response = await site.Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
    }
}
