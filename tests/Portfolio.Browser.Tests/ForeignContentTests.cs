using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Portfolio.Browser.Tests;

/// <summary>The site with a guide written for Hugo beside the repository's content: its updated date, its authors and its cover.</summary>
public sealed class ForeignSite : IAsyncLifetime
{
    public const string Guide = "/guides/hugo-notes";

    private static readonly Dictionary<string, byte[]> Files = new()
    {
        ["guides/hugo-notes.md"] = Encoding.UTF8.GetBytes("""
            ---
            title: Notes carried over from a Hugo site
            date: 2024-02-01
            lastmod: 2024-06-15
            authors: [Ada Lovelace, Alan Turing, Grace Hopper]
            cover:
              image: hugo-cover.png
            aliases: [/posts/hugo-notes/]
            tags: [MLOps]
            ---
            # Notes carried over from a Hugo site

            These notes were first written for a Hugo site; their front matter came with them.

            # Module 1: First steps

            The first module.
            """),
        ["guides/hugo-cover.png"] = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="),
    };

    public SiteServer Server { get; } = new(Files);

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}

/// <summary>A page that says when it was updated and who wrote it, at every width and in both palettes; and an old address in a browser.</summary>
[Collection(SiteCollection.Name)]
public sealed class ForeignContentTests(ForeignSite site) : IClassFixture<ForeignSite>
{
    public static TheoryData<int, ColorScheme> Views => new()
    {
        { 1280, ColorScheme.Light },
        { 1280, ColorScheme.Dark },
        { 360, ColorScheme.Light },
        { 360, ColorScheme.Dark },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Updated_and_the_authors_read_beside_the_date_at_every_width_in_both_palettes(int width, ColorScheme scheme)
    {
        var page = await site.Server.NewPageAsync(width: width, height: 800, colorScheme: scheme);
        await page.GotoAsync(ForeignSite.Guide);

        var name = $"foreign-guide-{(width == 360 ? "360" : "desktop")}-{scheme.ToString().ToLowerInvariant()}.png";
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteServer.ScreenshotFolder, name), FullPage = true });
        var meta = page.Locator(".page-head .meta");
        Assert.True(await meta.IsVisibleAsync());
        var text = Normalize(await meta.InnerTextAsync());
        Assert.Contains("By Ada Lovelace, Alan Turing and Grace Hopper", text, StringComparison.Ordinal);
        Assert.Contains("Updated 15 June 2024", text, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, $"{ForeignSite.Guide} scrolls sideways at {width} px");
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}").ToList();
        Assert.Empty(serious);
    }

    [Fact]
    public async Task The_page_is_valid_html()
    {
        var (valid, errors) = await NuHtmlChecker.CheckAsync(site.Server.BaseUrl, [("foreign-guide", ForeignSite.Guide), ("foreign-module", ForeignSite.Guide + "/module-1")]);

        Assert.True(valid, $"the checker found errors:\n{errors}");
    }

    [Fact]
    public async Task A_browser_at_an_old_address_lands_on_the_page()
    {
        var page = await site.Server.NewPageAsync();

        var response = await page.GotoAsync("/posts/hugo-notes/");

        Assert.Equal(200, response!.Status);
        Assert.Equal(site.Server.BaseUrl + ForeignSite.Guide, page.Url);
        Assert.Equal("Notes carried over from a Hugo site", await page.Locator("h1").TextContentAsync());
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
