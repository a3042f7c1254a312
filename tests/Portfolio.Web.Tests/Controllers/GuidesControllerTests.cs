namespace Portfolio.Web.Tests.Controllers;

public sealed class GuidesControllerTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Guide = "/guides/aws-machine-learning-engineering";

    [Fact]
    public async Task Guide_page_lists_parts_and_modules_in_book_order_with_reading_times()
    {
        var document = await site.GetPageAsync(Guide);

        Assert.Equal([$"{Guide}/introduction", $"{Guide}/module-1", $"{Guide}/module-2"], document.Hrefs(".chapter a"));
        Assert.Equal(["Introduction Welcome to Machine Learning on AWS", "Module 1 How Machine Learning Really Works", "Module 2 Turning Business Problems into ML Problems"],
            document.Texts(".chapter a"));
        Assert.Equal(["Part I Understanding the Problem"], document.Texts(".guide-part h3"));
        Assert.Equal("part-i", document.QuerySelectorAll(".guide-part")[1].Id);
        Assert.All(document.Texts(".chapter > .muted"), t => Assert.Matches(@"^\d+ min$", t));
    }

    [Fact]
    public async Task Guide_page_shows_how_far_the_guide_has_come()
    {
        var document = await site.GetPageAsync(Guide);

        Assert.StartsWith("2 of 12 modules written", document.QuerySelector(".progress-box p")!.TextContent);
        Assert.Equal("12", document.QuerySelector("progress")!.GetAttribute("max"));
        Assert.Equal("2", document.QuerySelector("progress")!.GetAttribute("value"));
        Assert.Equal(["/certifications/aws-certified-machine-learning-engineer-associate"], document.Hrefs(".progress-box a"));
        Assert.Contains("To be continued", document.QuerySelector(".prose")!.TextContent);
    }

    [Fact]
    public async Task Module_page_has_a_breadcrumb_position_and_table_of_contents()
    {
        var document = await site.GetPageAsync($"{Guide}/module-1");

        Assert.Equal(["/", "/guides", Guide], document.Hrefs(".breadcrumb a"));
        Assert.StartsWith("Module 1 of 12", document.QuerySelector(".position")!.TextContent);
        Assert.Equal("#the-essence-of-machine-learning", document.QuerySelector(".toc a")!.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector(".prose h2#the-essence-of-machine-learning"));
    }

    [Theory]
    [InlineData("introduction", null, "module-1")]
    [InlineData("module-1", "introduction", "module-2")]
    [InlineData("module-2", "module-1", null)]
    public async Task Modules_link_to_the_previous_and_next_in_book_order(string module, string? previous, string? next)
    {
        var document = await site.GetPageAsync($"{Guide}/{module}");

        Assert.Equal(previous is null ? null : $"{Guide}/{previous}", document.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal(next is null ? null : $"{Guide}/{next}", document.QuerySelector("a[rel=next]")?.GetAttribute("href"));
    }
}
