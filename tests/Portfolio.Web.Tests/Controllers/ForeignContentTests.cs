using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portfolio.Content.Text;

namespace Portfolio.Web.Tests.Controllers;

/// <summary>A site with content written for Hugo and Jekyll: old addresses redirect, dates, preview pictures and authors show, drafts stay hidden.</summary>
public sealed class ForeignContentTests(ForeignSiteFixture site) : IClassFixture<ForeignSiteFixture>
{
    private const string Base = SiteFixture.BaseUrl;

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url) =>
        await site.Client.SendAsync(new HttpRequestMessage(method, new Uri(url, UriKind.Relative)));

    private async Task<AngleSharp.Dom.IDocument> PageAsync(string url)
    {
        using var response = await SendAsync(HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/posts/hugo-notes/", ForeignContent.Guide)]
    [InlineData("/posts/hugo-notes", ForeignContent.Guide)]
    [InlineData("/Posts/Hugo-Notes/index.html", ForeignContent.Guide)]
    [InlineData("/posts/hugo-notes/?next=https://evil.example/", ForeignContent.Guide)]
    [InlineData("/2024/03/01/jekyll-cert.html", ForeignContent.Certification)]
    [InlineData("/old/shared", ForeignContent.Certification)]
    public async Task An_old_address_is_a_301_to_the_page(string oldAddress, string page)
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            using var response = await SendAsync(method, oldAddress);

            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(page, response.Headers.Location?.OriginalString);
        }

        using var target = await SendAsync(HttpMethod.Get, page);
        Assert.Equal(HttpStatusCode.OK, target.StatusCode);
    }

    [Fact]
    public async Task An_alias_that_is_a_page_leaves_the_page_alone_and_colliding_aliases_are_warnings()
    {
        using var taken = await SendAsync(HttpMethod.Get, ForeignContent.TakenPage);
        var status = await PageAsync("/status/content");

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("AWS Certified Machine Learning - Specialty", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var warnings = status.QuerySelectorAll("li.diagnostic--warning")
            .Select(li => $"{li.QuerySelector(".diagnostic__where")!.TextContent}: {li.QuerySelector(".diagnostic__message")!.TextContent}")
            .ToList();
        Assert.Contains($"certifications/jekyll-cert.md:8:5: the alias '{ForeignContent.TakenPage}' is the address of the page of certifications/aws-certified-machine-learning-specialty.md; it is ignored", warnings);
        Assert.Contains("guides/hugo-notes.md:10:5: the alias '/old/shared' is already an alias at certifications/jekyll-cert.md:7; it is ignored", warnings);
        Assert.Contains("certifications/jekyll-cert.md:4:9: 'layout: post' is not a kind of this site (program, certification, guide or page) and is ignored; the kind comes from the folder: certification", warnings);
    }

    [Fact]
    public void Every_route_of_the_site_is_under_a_section_old_addresses_may_not_take_or_an_entrys()
    {
        var routes = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern)
            // The site's own files (the stylesheet, the icon) each answer only at their own name; the fallback for files
            // answers only those that exist. An old address is served only where nothing answered, so they always win.
            .Where(p => !(p.Parameters.Count == 0 && Path.HasExtension(p.RawText)) && !(p.Parameters.Count > 0 && p.Parameters.All(a => a.IsCatchAll && a.ParameterPolicies.Any(c => c.Content == "file"))))
            .Select(p => "/" + (p.RawText ?? "").TrimStart('/'))
            .ToList();

        Assert.Contains("/guides/{slug}", routes);
        Assert.Contains("/tags", routes);
        Assert.All(routes, route =>
        {
            var first = route.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            Assert.True(route == "/" || OldAddressPaths.ReservedSections.Contains(first) || first is "programs" or "certifications" or "guides", $"{route} is not guarded from old addresses");
        });
        Assert.All(["/programs", "/certifications", "/guides", "/"], path => Assert.Null(OldAddressPaths.Normalize(path, out _)));
    }

    [Theory]
    [InlineData("/certifications/draft-cert")]
    [InlineData("/certifications/unpublished-cert")]
    [InlineData("/old/draft")]
    [InlineData("/no/such/old/address")]
    public async Task Drafts_their_old_addresses_and_unknown_addresses_are_not_found(string url)
    {
        using var response = await SendAsync(HttpMethod.Get, url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ForeignContent.Guide)]
    [InlineData(ForeignContent.Guide + "/module-1")]
    public async Task The_cover_is_the_open_graph_image_as_an_absolute_url_that_answers(string url)
    {
        var document = await PageAsync(url);

        var image = document.QuerySelector("meta[property='og:image']")?.GetAttribute("content");
        Assert.Equal($"{Base}/media/guides/hugo-cover.png", image);
        Assert.Equal("summary_large_image", document.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
        using var picture = await SendAsync(HttpMethod.Get, new Uri(image!).AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_page_without_a_picture_has_no_open_graph_image()
    {
        var document = await PageAsync(ForeignContent.Certification);

        Assert.Null(document.QuerySelector("meta[property='og:image']"));
        Assert.Equal("summary", document.QuerySelector("meta[name='twitter:card']")?.GetAttribute("content"));
    }

    [Fact]
    public async Task The_page_says_when_it_was_updated_and_who_wrote_it()
    {
        var document = await PageAsync(ForeignContent.Guide);

        var meta = DocumentExtensions.Normalize(document.QuerySelector(".page-head .meta")!.TextContent);
        Assert.StartsWith("By Ada Lovelace and Alan Turing · 1 February 2024 · Updated 15 June 2024 ·", meta);
        Assert.Equal(["2024-02-01", "2024-06-15"], document.QuerySelectorAll(".page-head .meta time").Select(t => t.GetAttribute("datetime")));
    }

    [Fact]
    public async Task A_page_without_authors_or_updates_shows_neither()
    {
        var document = await PageAsync(ForeignContent.Certification);

        var meta = DocumentExtensions.Normalize(document.QuerySelector(".page-head .meta")!.TextContent);
        Assert.DoesNotContain("Updated", meta, StringComparison.Ordinal);
        Assert.DoesNotContain("By ", meta, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_authors_are_the_courses_authors_in_json_ld()
    {
        var document = await PageAsync(ForeignContent.Guide);

        var course = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Course", course.GetProperty("@type").GetString());
        Assert.Equal(["Ada Lovelace", "Alan Turing"], course.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task The_sitemap_gives_the_date_a_page_was_updated_and_no_old_address()
    {
        using var response = await SendAsync(HttpMethod.Get, "/sitemap.xml");
        XNamespace sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var urls = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(sitemap + "url")
            .ToDictionary(u => u.Element(sitemap + "loc")!.Value, u => u.Element(sitemap + "lastmod")?.Value);
        Assert.Equal("2024-06-15", urls[Base + ForeignContent.Guide]);
        Assert.Equal("2024-06-15", urls[Base + ForeignContent.Guide + "/module-1"]);
        Assert.Equal("2024-03-01", urls[Base + ForeignContent.Certification]);
        Assert.DoesNotContain(urls.Keys, u => u.Contains("/posts/", StringComparison.Ordinal) || u.Contains("draft", StringComparison.Ordinal) || u.Contains("unpublished", StringComparison.Ordinal));
    }
}
