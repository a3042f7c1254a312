using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portfolio.Web.Tests;

/// <summary>One site over the repository's content, shared by the tests of a class; none of them changes it.</summary>
public sealed class SiteFixture : IDisposable
{
    /// <summary>The day every shared-site test sees: credential states do not change under the tests.</summary>
    public static readonly DateTimeOffset Today = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The public address the shared site is configured with.</summary>
    public const string BaseUrl = "https://portfolio.example.com";

    private readonly PortfolioFactory _factory = new() { Clock = new FixedClock(Today) };

    public SiteFixture()
    {
        _factory.Settings["Portfolio:PublicBaseUrl"] = BaseUrl;
        // Many tests search the shared site; the limit itself is tested on a site of its own.
        _factory.Settings["Portfolio:SearchRequestsPerMinute"] = "0";
        Client = _factory.CreateReadyClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public HttpClient Client { get; }

    public async Task<(HttpStatusCode Status, IDocument Document)> GetAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, await Html.ParseDocumentAsync(html));
    }

    public async Task<IDocument> GetPageAsync(string url)
    {
        var (status, document) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        return document;
    }

    private static readonly HtmlParser Html = new();

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
    }
}

/// <summary>Reading pages the way a test needs.</summary>
public static class DocumentExtensions
{
    public static string H1(this IDocument document) => Assert.Single(document.QuerySelectorAll("h1")).TextContent.Trim();

    public static IReadOnlyList<string> Texts(this IDocument document, string selector) =>
        document.QuerySelectorAll(selector).Select(e => Normalize(e.TextContent)).ToList();

    public static IReadOnlyList<string> Hrefs(this IDocument document, string selector) =>
        document.QuerySelectorAll(selector).Select(e => e.GetAttribute("href") ?? "").ToList();

    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>A clock that stays on one moment; timers still run on the system's.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Asking again the way a browser or a proxy does.</summary>
public static class RevalidationExtensions
{
    /// <summary>Asks for an address again with the tag an earlier answer gave it (If-None-Match), as a cache revalidates.</summary>
    public static async Task<HttpResponseMessage> RevalidateAsync(this HttpClient client, string url, System.Net.Http.Headers.EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        return await client.SendAsync(request);
    }
}
