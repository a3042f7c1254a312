using Microsoft.Playwright;

namespace Portfolio.Browser.Tests;

/// <summary>The CV prints cleanly on A4 and Letter: no navigation, no dark background, links written out.</summary>
[Collection(SiteCollection.Name)]
public sealed class PrintTests(SiteServer site)
{
    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public async Task The_cv_prints_without_navigation_on_white_with_links_as_urls(ColorScheme scheme)
    {
        var page = await site.NewPageAsync(colorScheme: scheme);
        await page.GotoAsync("/cv");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.Equal("none", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.site-header')).display"));
        Assert.Equal("none", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.site-footer')).display"));
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
        Assert.Equal("rgb(0, 0, 0)", await page.EvaluateAsync<string>("getComputedStyle(document.body).color"));
        var after = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('section[aria-labelledby=cv-projects] a'), '::after').content");
        Assert.Contains($"{site.BaseUrl}/programs/aws-machine-learning-engineer-nanodegree/capstones/", after);
    }

    [Theory]
    [InlineData("A4")]
    [InlineData("Letter")]
    public async Task The_cv_prints_to_a_pdf_on_a4_and_letter(string format)
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/cv");

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = format, Path = Path.Combine(SiteServer.ScreenshotFolder, $"cv-{format}.pdf") });
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(pdf.Length > 10_000, $"a {pdf.Length}-byte PDF");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.True(width <= 0);
    }
}
