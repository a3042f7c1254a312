using System.Net;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>Requests made to break the site get a clear 4xx, never a 500, and never read outside the database or web root.</summary>
public sealed class HostileRequestTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    public static TheoryData<string, HttpStatusCode> Requests => new()
    {
        { "/search?q=%C3%28", HttpStatusCode.BadRequest },
        { "/search?q=ok%00", HttpStatusCode.BadRequest },
        { "/credentials?tag=%FF%FE", HttpStatusCode.BadRequest },
        { "/credentials?" + string.Concat(Enumerable.Range(0, 21).Select(i => $"tag=t{i}&")), HttpStatusCode.BadRequest },
        { "/credentials?tag=" + new string('a', 101), HttpStatusCode.BadRequest },
        { "/credentials?tag=" + new string('a', 100_000), HttpStatusCode.BadRequest },
        { "/credentials?kind=program&kind=program", HttpStatusCode.BadRequest },
        { "/credentials?match=any&match=all", HttpStatusCode.BadRequest },
        { "/search?q=a&q=b", HttpStatusCode.BadRequest },
        { "/search?q=" + new string('q', 1001), HttpStatusCode.BadRequest },
        { "/?x=" + new string('x', 100_000), HttpStatusCode.OK },
        { "/programs/..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound },
        { "/media/..%2F..%2F..%2Fetc%2Fpasswd", HttpStatusCode.NotFound },
        { "/media/%2E%2E/site.yml", HttpStatusCode.NotFound },
        { "/guides/aws-machine-learning-engineering/..%2Fmodule-1", HttpStatusCode.NotFound },
        { "/tags/" + new string('t', 5000), HttpStatusCode.NotFound },
        { "/" + new string('p', 10_000), HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Each_hostile_request_gets_a_clear_answer(string url, HttpStatusCode status)
    {
        using var response = await site.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.DoesNotContain("root:x:", body);
        Assert.DoesNotContain("Exception", body);
        if (status != HttpStatusCode.OK)
        {
            Assert.Contains(status == HttpStatusCode.BadRequest ? "Bad request" : "Page not found", body);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/programs/aws-machine-learning-engineer-nanodegree")]
    [InlineData("/feed.xml")]
    public async Task Head_is_answered_where_get_is(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative));
        using var response = await site.Client.SendAsync(request);

        // Kestrel drops the body of a HEAD answer; the browser tests check that on a real port.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("OPTIONS")]
    [InlineData("POST")]
    [InlineData("DELETE")]
    public async Task Other_methods_are_not_allowed(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri("/programs/aws-machine-learning-engineer-nanodegree", UriKind.Relative));
        using var response = await site.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Searching_beyond_a_clients_share_gets_a_429_with_retry_after()
    {
        using var factory = new PortfolioFactory();
        factory.Settings["Portfolio:SearchRequestsPerMinute"] = "3";
        using var client = factory.CreateReadyClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 5; i++)
        {
            last?.Dispose();
            last = await client.GetAsync(new Uri($"/search?q=aws{i}", UriKind.Relative));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Too many requests", await last.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/programs/aws-machine-learning-engineer-nanodegree", UriKind.Relative))).StatusCode);
        last.Dispose();
    }
}
