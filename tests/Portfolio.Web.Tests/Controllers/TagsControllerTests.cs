using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;

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

    /// <summary>A tag with more entries than a page holds is read a page at a time, at addresses a static copy can serve.</summary>
    public sealed class Paging : IDisposable
    {
        private const int Notes = 2 * Services.Pages.TagPages.PageSize + 7;
        private readonly PortfolioFactory _factory = new();
        private readonly HttpClient _client;

        public Paging()
        {
            // A program and many course notes with one tag: the credential (the program) comes first, then the notes.
            _factory.Folder.Write("programs/big/index.md", "---\ntitle: Big Program\ntags: [Zebra]\n---\nA program with many notes.\n");
            for (var i = 1; i <= Notes; i++)
            {
                _factory.Folder.Write($"programs/big/note-{i:D3}.md", string.Create(CultureInfo.InvariantCulture,
                    $"---\ntitle: Note {i:D3}\norder: {i}\ntags: [Zebra]\n---\nText of note {i}.\n"));
            }

            _client = _factory.CreateReadyClient(new() { AllowAutoRedirect = false });
        }

        public void Dispose()
        {
            _client.Dispose();
            _factory.Dispose();
        }

        private async Task<(HttpStatusCode Status, AngleSharp.Html.Dom.IHtmlDocument Document, HttpResponseMessage Response)> Get(string url)
        {
            var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
            return (response.StatusCode, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync()), response);
        }

        [Fact]
        public async Task Every_entry_is_on_exactly_one_page_in_order()
        {
            var titles = new List<string>();
            var url = "/tags/zebra";
            var pages = 0;
            while (url is not null)
            {
                var (status, document, response) = await Get(url);
                response.Dispose();
                Assert.Equal(HttpStatusCode.OK, status);
                pages++;
                var cards = document.QuerySelectorAll("main .card__title").Select(e => e.TextContent.Trim()).ToList();
                Assert.InRange(cards.Count, 1, Services.Pages.TagPages.PageSize);
                titles.AddRange(cards);
                Assert.Equal($"Page {pages} of 3", document.QuerySelector(".pager__position")!.TextContent.Trim());
                url = document.QuerySelector("a[rel=next]")?.GetAttribute("href")!;
            }

            Assert.Equal(3, pages);
            Assert.Equal(["Big Program", .. Enumerable.Range(1, Notes).Select(i => $"Note {i:D3}")], titles);
        }

        [Fact]
        public async Task Pages_link_both_ways_and_say_where_they_are()
        {
            var (_, first, r1) = await Get("/tags/zebra");
            var (_, second, r2) = await Get("/tags/zebra/page/2");
            var (_, last, r3) = await Get("/tags/zebra/page/3");
            r1.Dispose();
            r2.Dispose();
            r3.Dispose();

            Assert.Null(first.QuerySelector("a[rel=prev]"));
            Assert.Equal("/tags/zebra/page/2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
            Assert.Equal("/tags/zebra", second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
            Assert.Equal("/tags/zebra/page/3", second.QuerySelector("a[rel=next]")!.GetAttribute("href"));
            Assert.Null(last.QuerySelector("a[rel=next]"));
            Assert.Contains("page 2 of 3", second.Title, StringComparison.Ordinal);
            Assert.Equal("/tags/zebra/page/2", new Uri(second.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!).AbsolutePath);
            // The credentials heading is on the page that holds the credential only.
            Assert.Contains("Credentials", first.QuerySelectorAll("main h2").Select(h => h.TextContent));
            Assert.DoesNotContain("Credentials", second.QuerySelectorAll("main h2").Select(h => h.TextContent));
            // Every page offers the credentials filter by the tag.
            Assert.Equal("/credentials/tags/zebra", last.QuerySelector(".page-head .lead a")!.GetAttribute("href"));
        }

        [Theory]
        [InlineData("/tags/zebra/page/1", HttpStatusCode.MovedPermanently, "/tags/zebra")]
        [InlineData("/tags/Zebra/page/2", HttpStatusCode.MovedPermanently, "/tags/zebra/page/2")]
        [InlineData("/tags/zebra/page/4", HttpStatusCode.NotFound, null)]
        [InlineData("/tags/zebra/page/0", HttpStatusCode.NotFound, null)]
        [InlineData("/tags/zebra/page/-1", HttpStatusCode.NotFound, null)]
        [InlineData("/tags/zebra/page/two", HttpStatusCode.NotFound, null)]
        [InlineData("/tags/zebra/page/99999999999", HttpStatusCode.NotFound, null)]
        [InlineData("/tags/nothing/page/2", HttpStatusCode.NotFound, null)]
        public async Task Other_page_addresses_redirect_or_are_not_found(string url, HttpStatusCode status, string? location)
        {
            var (actual, _, response) = await Get(url);
            using (response)
            {
                Assert.Equal(status, actual);
                Assert.Equal(location, response.Headers.Location?.OriginalString);
            }
        }

        [Fact]
        public async Task A_small_tag_has_one_page_and_no_pager()
        {
            var (status, document, response) = await Get("/tags/aws");
            response.Dispose();

            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Null(document.QuerySelector(".pager--pages"));
        }
    }
}
