using Microsoft.Playwright;

namespace Portfolio.Browser.Tests;

/// <summary>What a visitor does with a mouse: follow links, add filters by clicking them, page through a guide.</summary>
[Collection(SiteCollection.Name)]
public sealed class VisitorPathTests(SiteServer site)
{
    [Fact]
    public async Task A_visitor_filters_credentials_by_two_tags_then_reads_a_program_and_a_capstone()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("Your Name", await page.Locator("h1").TextContentAsync());

        await FollowAsync(page, page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Credentials" }), "**/credentials");
        // The seeds' three programs and certifications; the repository's content has badges besides.
        Assert.Equal(3, await page.Locator(".results .card:not(.card--badge)").CountAsync());

        await FollowAsync(page, page.Locator(".options--tags a", new() { HasTextString = "Machine Learning" }), "**/credentials?tag=machine-learning");
        await FollowAsync(page, page.Locator(".options--tags a", new() { HasTextString = "Scholarship" }), "**/credentials?tag=machine-learning&tag=scholarship");
        Assert.Equal(["Machine Learning ×", "Scholarship ×"], (await page.Locator(".chip").AllInnerTextsAsync()).Select(Normalize));
        Assert.Equal(1, await page.Locator(".results .card").CountAsync());

        await FollowAsync(page, page.Locator(".results .card__title a"), "**/programs/aws-machine-learning-engineer-nanodegree");
        Assert.Equal("AWS Machine Learning Engineer Nanodegree", await page.Locator("h1").TextContentAsync());

        await FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Time Series Forecasting" }), "**/capstones/time-series-forecasting");
        Assert.Equal("Time Series Forecasting", await page.Locator("h1").TextContentAsync());

        await FollowAsync(page, page.GetByRole(AriaRole.Navigation, new() { Name = "Breadcrumb" }).GetByRole(AriaRole.Link, new() { Name = "AWS Machine Learning Engineer Nanodegree" }), "**/programs/aws-machine-learning-engineer-nanodegree");
        Assert.Equal("AWS Machine Learning Engineer Nanodegree", await page.Locator("h1").TextContentAsync());
    }

    [Fact]
    public async Task A_visitor_finds_a_badge_among_the_credentials_sees_its_picture_and_downloads_the_original_file()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/credentials?kind=badge");

        await FollowAsync(page, page.Locator(".results .card__title a", new() { HasTextString = "AWS Machine Learning Engineer Nanodegree" }), "**/badges/aws-machine-learning-engineer-nanodegree");
        Assert.True(await page.Locator(".badge-figure img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the badge's picture did not load");
        Assert.Equal(["Valid today", "Checked"], [await page.Locator(".check__what").First.InnerTextAsync(), await page.Locator(".check__outcome").First.InnerTextAsync()]);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the badge" }).ClickAsync());
        Assert.Equal("aws-machine-learning-engineer-nanodegree.json", download.SuggestedFilename);
        var saved = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        await download.SaveAsAsync(saved);
        try
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(SiteServer.RepositoryRoot, "content", "badges", "aws-machine-learning-engineer-nanodegree.json")), await File.ReadAllBytesAsync(saved));
        }
        finally
        {
            File.Delete(saved);
        }
    }

    [Fact]
    public async Task A_visitor_opens_the_guide_then_pages_next_and_previous()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        await FollowAsync(page, page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Guide" }), "**/guides");
        await FollowAsync(page, page.Locator(".card__title a"), "**/guides/aws-machine-learning-engineering");

        await FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Module 1 How Machine Learning Really Works" }), "**/module-1");
        Assert.Equal("How Machine Learning Really Works", await page.Locator("h1").TextContentAsync());

        await FollowAsync(page, page.Locator("a[rel=next]"), "**/module-2");
        Assert.Equal("Turning Business Problems into ML Problems", await page.Locator("h1").TextContentAsync());

        await FollowAsync(page, page.Locator("a[rel=prev]"), "**/module-1");
        Assert.Equal("How Machine Learning Really Works", await page.Locator("h1").TextContentAsync());
    }

    [Fact]
    public async Task A_visitor_follows_a_link_from_a_note_to_a_capstone_and_comes_back_through_linked_from()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/programs/aws-machine-learning-engineer-nanodegree/notes/sagemaker-deployment");

        await FollowAsync(page, page.Locator(".prose").GetByRole(AriaRole.Link, new() { Name = "Computer Vision Pipeline" }), "**/capstones/computer-vision-pipeline");
        var linkedFrom = page.GetByRole(AriaRole.Region, new() { Name = "Linked from" });
        Assert.Equal(["Deploying a Model to a SageMaker Endpoint · Course notes"], (await linkedFrom.Locator("li").AllInnerTextsAsync()).Select(Normalize));

        await FollowAsync(page, linkedFrom.GetByRole(AriaRole.Link), "**/notes/sagemaker-deployment");
        Assert.Equal("Deploying a Model to a SageMaker Endpoint", await page.Locator("h1").TextContentAsync());
        await FollowAsync(page, page.Locator(".prose").GetByRole(AriaRole.Link, new() { Name = "module 2 of my study guide" }), "**/guides/aws-machine-learning-engineering/module-2");
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_and_moves_focus_to_the_content()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/programs/aws-machine-learning-engineer-nanodegree");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        Assert.True(await page.Locator(".skip-link").IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    /// <summary>
    /// Clicks a link and waits for the page it leads to. On a loaded CI machine a click can land while the page still
    /// settles; a second click on the same link is tried then, so a broken link still fails.
    /// </summary>
    private static async Task FollowAsync(IPage page, ILocator link, string url)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        try
        {
            await link.ClickAsync();
            await page.WaitForURLAsync(url, new PageWaitForURLOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            await link.ClickAsync();
            await page.WaitForURLAsync(url, new PageWaitForURLOptions { Timeout = 30_000 });
        }
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
