using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Portfolio.Browser.Tests;

/// <summary>Every page type in a real browser: no sideways scrolling at 360 px, the dark palette, accessibility, screenshots.</summary>
[Collection(SiteCollection.Name)]
public sealed class LayoutTests(SiteServer site)
{
    public static TheoryData<string, string> Pages => PageTypes.All;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task At_360_pixels_wide_nothing_scrolls_sideways(string name, string url)
    {
        var page = await site.NewPageAsync(width: 360, height: 800);
        await page.GotoAsync(url);

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteServer.ScreenshotFolder, $"{name}-360.png"), FullPage = true });
        Assert.True(overflow <= 0, $"{url} scrolls {overflow} px sideways at 360 px");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task With_a_dark_system_setting_the_pages_use_the_dark_palette(string name, string url)
    {
        var dark = await site.NewPageAsync(colorScheme: ColorScheme.Dark);
        var light = await site.NewPageAsync(colorScheme: ColorScheme.Light);
        await dark.GotoAsync(url);
        await light.GotoAsync(url);

        await dark.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteServer.ScreenshotFolder, $"{name}-dark.png"), FullPage = true });
        await light.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteServer.ScreenshotFolder, $"{name}-light.png"), FullPage = true });
        Assert.Equal("rgb(17, 20, 24)", await dark.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("rgb(231, 233, 236)", await dark.EvaluateAsync<string>("getComputedStyle(document.body).color"));
        Assert.Equal("rgb(251, 251, 249)", await light.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_serious_or_critical_violations(string name, string url)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await site.NewPageAsync(colorScheme: scheme);
            await page.GotoAsync(url);

            var results = await page.RunAxe();

            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{name} ({scheme}): {v.Id} {v.Impact}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")
                .ToList();
            Assert.Empty(serious);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_page_breaks_its_content_security_policy_or_logs_an_error(string name, string url)
    {
        var page = await site.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // The not-found page is itself a 404, which the browser logs; any other failed load is a subresource's, below.
            if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                problems.Add($"{name}: {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) => problems.Add($"{name}: page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                problems.Add($"{name}: {response.Status} for {response.Url}");
            }
        };

        var response = await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.NotNull(response);
        Assert.Contains("frame-ancestors 'none'", await response.HeaderValueAsync("content-security-policy") ?? "");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
