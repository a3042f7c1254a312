using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>
/// The live site behind a proxy that publishes it under a path: the path of Portfolio:PublicBaseUrl. It answers under
/// that path, and every link, asset, form and redirect it writes carries it.
/// </summary>
public sealed class PathBaseTests : IDisposable
{
    private const string Prefix = "/portfolio";
    private readonly PortfolioFactory _factory = new(TempContent.WithRepositoryContent());
    private readonly HttpClient _client;

    public PathBaseTests()
    {
        ForeignContent.WriteTo(_factory.Folder);
        _factory.Settings["Portfolio:PublicBaseUrl"] = "https://example.com" + Prefix + "/";
        _client = _factory.CreateReadyClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/programs/aws-machine-learning-engineer-nanodegree/notes/sagemaker-deployment")]
    [InlineData("/credentials?tag=aws&tag=machine-learning")]
    [InlineData("/search?q=sagemaker")]
    [InlineData("/tags/aws")]
    [InlineData("/no-such-page")]
    public async Task A_page_under_the_path_links_only_under_the_path(string path)
    {
        using var response = await _client.GetAsync(new Uri(Prefix + path, UriKind.Relative));
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        var links = document.QuerySelectorAll("[href], [src], form[action]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? e.GetAttribute("action")!)
            .Where(l => l.StartsWith('/'))
            .ToList();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith(Prefix + "/", l));
        Assert.All(document.QuerySelectorAll("link[rel=canonical]"), l => Assert.StartsWith("https://example.com" + Prefix + "/", l.GetAttribute("href")));
    }

    [Fact]
    public async Task A_link_stored_in_a_body_and_the_stylesheet_lead_to_answers_under_the_path()
    {
        var document = new HtmlParser().ParseDocument(await _client.GetStringAsync(new Uri(Prefix + "/programs/aws-machine-learning-engineer-nanodegree/notes/sagemaker-deployment", UriKind.Relative)));
        var capstone = document.QuerySelectorAll(".prose a").Single(a => a.TextContent == "Computer Vision Pipeline").GetAttribute("href")!;
        var stylesheet = document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        Assert.Equal(Prefix + "/programs/aws-machine-learning-engineer-nanodegree/capstones/computer-vision-pipeline", capstone);
        foreach (var link in new[] { capstone, stylesheet })
        {
            using var response = await _client.GetAsync(new Uri(link, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_old_address_under_the_path_redirects_to_its_page_under_the_path()
    {
        using var response = await _client.GetAsync(new Uri(Prefix + "/posts/hugo-notes/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(Prefix + ForeignContent.Guide, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_live_site_searches_on_the_server_and_serves_no_index_for_the_browser()
    {
        using var index = await _client.GetAsync(new Uri(Prefix + "/search/index.json", UriKind.Relative));
        using var search = await _client.GetAsync(new Uri(Prefix + "/search?q=sagemaker", UriKind.Relative));
        var html = await search.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, index.StatusCode);
        Assert.Contains("class=\"search-result\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", search.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
