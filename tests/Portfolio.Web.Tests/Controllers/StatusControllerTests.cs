using System.Net;
using System.Text.Json;

namespace Portfolio.Web.Tests.Controllers;

public sealed class StatusControllerTests
{
    [Fact]
    public async Task Health_is_200_with_what_is_loaded()
    {
        using var factory = new PortfolioFactory();
        using var client = factory.CreateReadyClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var root = json.RootElement;
        Assert.Equal("healthy", root.GetProperty("status").GetString());
        Assert.Equal(1, root.GetProperty("entries").GetProperty("program").GetInt32());
        Assert.Equal(3, root.GetProperty("entries").GetProperty("capstone").GetInt32());
        Assert.Equal(2, root.GetProperty("entries").GetProperty("certification").GetInt32());
        Assert.Equal(3, root.GetProperty("entries").GetProperty("guideModule").GetInt32());
        Assert.Equal(13, root.GetProperty("totalEntries").GetInt32());
        Assert.Equal(0, root.GetProperty("errors").GetInt32());
        Assert.Equal(8, root.GetProperty("warnings").GetInt32());
        Assert.True(root.GetProperty("lastImport").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Theory]
    [InlineData("missing", "no content loaded: the content folder does not exist")]
    [InlineData("empty", "no content loaded: the content folder is empty")]
    [InlineData("a file", "no content loaded: the content folder is a file, not a folder")]
    [InlineData("only bad files", "no content loaded: 'title' must be text; got a list")]
    public async Task The_site_starts_without_content_says_why_on_health_and_shows_an_empty_home_page(string content, string reason)
    {
        using var factory = new PortfolioFactory();
        Directory.Delete(factory.Folder.Content, recursive: true);
        switch (content)
        {
            case "empty":
                Directory.CreateDirectory(factory.Folder.Content);
                break;
            case "a file":
                File.WriteAllText(factory.Folder.Content, "not a folder");
                break;
            case "only bad files":
                factory.Folder.Write("certifications/bad.md", "---\ntitle: [a, list]\n---\nText.\n");
                break;
        }

        using var client = factory.CreateReadyClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(reason, json.RootElement.GetProperty("reason").GetString());
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Nothing to show yet", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var url in new[] { "/credentials", "/tags", "/timeline", "/search?q=aws", "/feed.xml", "/sitemap.xml" })
        {
            using var page = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url}: {(int)page.StatusCode}");
        }
    }

    [Fact]
    public async Task The_content_status_page_is_off_outside_development_unless_switched_on()
    {
        using var off = new PortfolioFactory();
        using var on = new PortfolioFactory();
        on.Settings["Portfolio:ContentStatusPage"] = "true";

        Assert.Equal(HttpStatusCode.NotFound, (await off.CreateReadyClient().GetAsync(new Uri("/status/content", UriKind.Relative))).StatusCode);
        var html = await on.CreateReadyClient().GetStringAsync(new Uri("/status/content", UriKind.Relative));
        Assert.Contains("programs/aws-machine-learning-engineer-nanodegree/course-notes.md:25:1", html);
        Assert.Contains("12 files, 13 entries, 0 errors, 8 warnings", html);
    }
}
