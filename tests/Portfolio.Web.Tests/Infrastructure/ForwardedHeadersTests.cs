using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>
/// Behind a proxy that terminates TLS: its X-Forwarded-* headers give the scheme, host and client only when it is a
/// proxy the owner named (by address or network); then canonical links and the feed are https and HSTS is sent once.
/// </summary>
public sealed class ForwardedHeadersTests
{
    /// <summary>The address the request comes from, as a connection's would: from the test's X-Test-Peer header.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers["X-Test-Peer"].ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    private const string Proxy = "10.0.0.5";
    private const string Module = "/guides/aws-machine-learning-engineering/module-1";

    private static (WebApplicationFactory<Program> Site, HttpClient Client) Site(Dictionary<string, string?> settings)
    {
        var factory = new PortfolioFactory { Clock = new FixedClock(SiteFixture.Today) };
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }

        // As the container runs: plain HTTP inside, TLS at the proxy.
        factory.Settings.TryAdd("Portfolio:HttpsRedirection", "false");
        factory.Settings.TryAdd("Portfolio:SearchRequestsPerMinute", "2");
        var site = factory.WithWebHostBuilder(builder => builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerAddress>()));
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.True(site.Services.GetRequiredService<Services.ContentState>().FirstImport.Wait(TimeSpan.FromSeconds(30)));
        return (site, client);
    }

    /// <summary>A request as the proxy at <paramref name="peer"/> passes on a visitor's HTTPS request to portfolio.example.org.</summary>
    private static async Task<HttpResponseMessage> ThroughProxyAsync(HttpClient client, string peer, string url, string visitor = "203.0.113.7")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-For", visitor);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "portfolio.example.org");
        return await client.SendAsync(request);
    }

    private static async Task<string> CanonicalAsync(HttpClient client, string peer)
    {
        using var response = await ThroughProxyAsync(client, peer, Module);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return document.QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
    }

    /// <summary>The statuses of searches by two visitors, three then one, as the site counts them against a share of 2 a minute.</summary>
    private static async Task<List<HttpStatusCode>> SearchesAsync(HttpClient client, string peer)
    {
        var statuses = new List<HttpStatusCode>();
        foreach (var (visitor, query) in new[] { ("203.0.113.7", "aws"), ("203.0.113.7", "python"), ("203.0.113.7", "sagemaker"), ("198.51.100.20", "aws") })
        {
            using var response = await ThroughProxyAsync(client, peer, "/search?q=" + query, visitor);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }

    public static TheoryData<string, string, string> TrustedProxies => new()
    {
        { "Portfolio:KnownProxies:0", Proxy, Proxy },
        { "Portfolio:KnownNetworks:0", "10.0.0.0/24", "10.0.0.77" },
        { "Portfolio:KnownNetworks:0", "fd00:c0de::/64", "fd00:c0de::9" },
    };

    [Theory]
    [MemberData(nameof(TrustedProxies))]
    public async Task A_trusted_proxy_gives_the_visitors_scheme_host_and_address(string setting, string value, string peer)
    {
        var (site, client) = Site(new() { [setting] = value });
        using (site)
        using (client)
        {
            Assert.Equal("https://portfolio.example.org" + Module, await CanonicalAsync(client, peer));
            using var feed = await ThroughProxyAsync(client, peer, "/feed.xml");
            Assert.Contains("rel=\"self\" type=\"application/atom+xml\" href=\"https://portfolio.example.org/feed.xml\"", await feed.Content.ReadAsStringAsync());
            // Each visitor has a share of searches of their own: the site sees the visitor, not the proxy.
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], await SearchesAsync(client, peer));
        }
    }

    public static TheoryData<string?, string?> UntrustedPeers => new()
    {
        { null, null },
        { "Portfolio:KnownProxies:0", "10.0.0.6" },
        { "Portfolio:KnownNetworks:0", "10.0.1.0/24" },
    };

    [Theory]
    [MemberData(nameof(UntrustedPeers))]
    public async Task Forwarded_headers_from_any_other_address_are_ignored(string? setting, string? value)
    {
        var (site, client) = Site(setting is null ? [] : new() { [setting] = value });
        using (site)
        using (client)
        {
            Assert.Equal("http://localhost" + Module, await CanonicalAsync(client, Proxy));
            using var feed = await ThroughProxyAsync(client, Proxy, "/feed.xml");
            Assert.Contains("rel=\"self\" type=\"application/atom+xml\" href=\"http://localhost/feed.xml\"", await feed.Content.ReadAsStringAsync());
            // The claimed visitors are not believed: every search counts against the one address that connected.
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], await SearchesAsync(client, Proxy));
        }
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task Hsts_is_sent_once_by_the_site_on_an_answer_that_came_over_https(string httpsRedirection)
    {
        var (site, client) = Site(new() { ["Portfolio:KnownProxies:0"] = Proxy, ["Portfolio:HttpsRedirection"] = httpsRedirection });
        using (site)
        using (client)
        {
            // The second answer of a page comes from the page cache.
            foreach (var url in new[] { Module, Module, "/feed.xml", "/no-such-page" })
            {
                using var response = await ThroughProxyAsync(client, Proxy, url);
                Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
            }

            // A plain HTTP answer (the proxy's own health check, say) carries none: HSTS over HTTP means nothing.
            using var http = new HttpRequestMessage(HttpMethod.Get, new Uri(Module, UriKind.Relative));
            http.Headers.Add("X-Test-Peer", Proxy);
            http.Headers.Add("X-Forwarded-Host", "portfolio.example.org");
            using var plain = await client.SendAsync(http);
            Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        }
    }

    [Fact]
    public async Task Hsts_is_not_believed_from_an_untrusted_proxy()
    {
        var (site, client) = Site([]);
        using (site)
        using (client)
        {
            using var response = await ThroughProxyAsync(client, Proxy, Module);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }
    }
}
