using System.Net;
using System.Xml.Linq;

namespace Portfolio.Web.Tests.Controllers;

/// <summary>The Atom feed and the sitemap parse as XML with what their formats require; every sitemap URL answers 200.</summary>
public sealed class FeedsControllerTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private async Task<XDocument> XmlAsync(string url, string mediaType)
    {
        using var response = await site.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_feed_is_atom_1_0_with_every_required_element()
    {
        var feed = (await XmlAsync("/feed.xml", "application/atom+xml")).Root!;

        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("Your Name · Learning portfolio", feed.Element(Atom + "title")!.Value);
        Assert.Equal($"{SiteFixture.BaseUrl}/", feed.Element(Atom + "id")!.Value);
        Assert.True(DateTimeOffset.TryParse(feed.Element(Atom + "updated")!.Value, out _));
        Assert.Equal("Your Name", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Contains(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self" && (string?)l.Attribute("href") == $"{SiteFixture.BaseUrl}/feed.xml");

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(12, entries.Count);
        Assert.All(entries, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "title")?.Value));
            Assert.StartsWith(SiteFixture.BaseUrl + "/", entry.Element(Atom + "id")!.Value);
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _));
            Assert.NotNull(entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate"));
        });
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
    }

    [Fact]
    public async Task The_feed_is_newest_first()
    {
        var feed = (await XmlAsync("/feed.xml", "application/atom+xml")).Root!;

        var updated = feed.Elements(Atom + "entry").Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderByDescending(u => u), updated);
        var titles = feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.True(titles.IndexOf("AWS Certified Machine Learning - Specialty") < titles.IndexOf("AWS Machine Learning Engineer Nanodegree"));
    }

    [Fact]
    public async Task Every_page_in_the_sitemap_answers_200()
    {
        var urls = (await XmlAsync("/sitemap.xml", "application/xml")).Root!.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();

        Assert.Contains($"{SiteFixture.BaseUrl}/", urls);
        Assert.Contains($"{SiteFixture.BaseUrl}/guides/aws-machine-learning-engineering/module-2", urls);
        Assert.Contains($"{SiteFixture.BaseUrl}/tags/machine-learning", urls);
        Assert.Contains($"{SiteFixture.BaseUrl}/cv", urls);
        Assert.Equal(urls.Count, urls.Distinct().Count());
        foreach (var url in urls)
        {
            using var response = await site.Client.GetAsync(new Uri(url[SiteFixture.BaseUrl.Length..], UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Robots_point_at_the_sitemap()
    {
        var robots = await site.Client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Contains($"Sitemap: {SiteFixture.BaseUrl}/sitemap.xml", robots);
        Assert.StartsWith("User-agent: *", robots);
    }
}
