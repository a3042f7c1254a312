using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>Pages come from the output cache after the first request, are evicted by a reload, revalidate with 304, and are compressed.</summary>
public sealed class CachingTests : IDisposable
{
    private const string Module = "/guides/aws-machine-learning-engineering/module-1";
    private readonly PortfolioFactory _factory = new();
    private readonly HttpClient _client;

    public CachingTests()
    {
        _factory.Settings["Portfolio:DebounceMilliseconds"] = "100";
        _client = _factory.CreateReadyClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<HttpResponseMessage> GetAsync(string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        headers?.Invoke(request.Headers);
        return await _client.SendAsync(request);
    }

    [Fact]
    public async Task The_second_request_is_served_from_the_cache_and_a_reload_evicts_it()
    {
        using var first = await GetAsync(Module);
        using var second = await GetAsync(Module);

        Assert.Null(first.Headers.Age);
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());

        var path = Path.Combine(_factory.Folder.Content, "guides/aws-machine-learning-engineering.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("## The Essence of Machine Learning", "## The Core of Machine Learning", StringComparison.Ordinal));
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string html;
        do
        {
            await Task.Delay(100);
            using var after = await GetAsync(Module);
            html = await after.Content.ReadAsStringAsync();
        }
        while (!html.Contains("The Core of Machine Learning", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("The Core of Machine Learning", html);
        using var cachedAgain = await GetAsync(Module);
        Assert.NotNull(cachedAgain.Headers.Age);
        Assert.Contains("The Core of Machine Learning", await cachedAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_page_from_the_cache_is_the_answer_it_was_headers_and_all()
    {
        using var first = await GetAsync(Module, h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue("br")));
        using var second = await GetAsync(Module, h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue("br")));

        Assert.NotNull(second.Headers.Age);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        foreach (var name in new[] { "Content-Type", "Content-Encoding", "ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Security-Policy", "X-Content-Type-Options" })
        {
            Assert.Equal(HeaderValues(first, name), HeaderValues(second, name));
            Assert.NotEmpty(HeaderValues(second, name));
        }

        Assert.Equal((await second.Content.ReadAsByteArrayAsync()).Length, second.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task Pages_are_kept_per_host_so_their_links_name_the_host_that_was_asked()
    {
        using var first = await GetAsync(Module, h => h.Host = "one.example");
        using var other = await GetAsync(Module, h => h.Host = "two.example");
        using var firstAgain = await GetAsync(Module, h => h.Host = "one.example");

        Assert.Contains("//two.example/", await other.Content.ReadAsStringAsync());
        Assert.DoesNotContain("one.example", await other.Content.ReadAsStringAsync());
        Assert.Null(other.Headers.Age);
        Assert.NotNull(firstAgain.Headers.Age);
        Assert.Contains("//one.example/", await firstAgain.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Spellings_of_one_encoding_share_one_cached_page_and_each_gets_it_in_the_encoding_it_asked_for()
    {
        using var plain = await GetAsync(Module);
        var html = await plain.Content.ReadAsStringAsync();

        using var first = await GetAsync(Module, h => h.TryAddWithoutValidation("Accept-Encoding", "gzip, br"));
        using var reordered = await GetAsync(Module, h => h.TryAddWithoutValidation("Accept-Encoding", "br, gzip"));
        using var weighed = await GetAsync(Module, h => h.TryAddWithoutValidation("Accept-Encoding", "br;q=1.0"));
        using var gzipPreferred = await GetAsync(Module, h => h.TryAddWithoutValidation("Accept-Encoding", "gzip;q=1.0, br;q=0.5"));
        using var gzip = await GetAsync(Module, h => h.TryAddWithoutValidation("Accept-Encoding", "gzip"));

        Assert.Null(first.Headers.Age);
        Assert.NotNull(reordered.Headers.Age);
        Assert.NotNull(weighed.Headers.Age);
        Assert.Null(gzipPreferred.Headers.Age);
        Assert.NotNull(gzip.Headers.Age);
        foreach (var (response, encoding) in new[] { (first, "br"), (reordered, "br"), (weighed, "br"), (gzipPreferred, "gzip"), (gzip, "gzip") })
        {
            Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
            Assert.Equal(html, await DecodeAsync(response, encoding));
        }
    }

    private static async Task<string> DecodeAsync(HttpResponseMessage response, string encoding)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = encoding == "br" ? new BrotliStream(body, CompressionMode.Decompress) : new GZipStream(body, CompressionMode.Decompress);
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task Concurrent_first_requests_of_a_page_render_it_once_and_all_get_it()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => GetAsync(Module)));
        try
        {
            var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.Single(bodies.Distinct());
            Assert.Single(responses, r => r.Headers.Age is null);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_page_asked_for_with_credentials_is_neither_answered_from_the_cache_nor_kept()
    {
        using var kept = await GetAsync(Module);
        using var withCredentials = await GetAsync(Module, h => h.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz"));

        Assert.Null(withCredentials.Headers.Age);
        Assert.Equal(HttpStatusCode.OK, withCredentials.StatusCode);
    }

    [Fact]
    public async Task A_matching_etag_or_date_gets_a_304_without_a_body()
    {
        using var first = await GetAsync("/programs/aws-machine-learning-engineer-nanodegree");
        var etag = first.Headers.ETag!;
        var lastModified = first.Content.Headers.LastModified!.Value;

        using var byTag = await GetAsync("/programs/aws-machine-learning-engineer-nanodegree", h => h.IfNoneMatch.Add(etag));
        using var byDate = await GetAsync("/programs/aws-machine-learning-engineer-nanodegree", h => h.IfModifiedSince = lastModified);
        using var otherTag = await GetAsync("/programs/aws-machine-learning-engineer-nanodegree", h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"other\"", isWeak: true)));
        using var otherPage = await GetAsync("/certifications/aws-certified-machine-learning-specialty", h => h.IfNoneMatch.Add(etag));

        Assert.True(etag.IsWeak);
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Empty(await byTag.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherTag.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherPage.StatusCode);
    }

    [Fact]
    public async Task The_etag_changes_when_the_content_does()
    {
        using var before = await GetAsync("/tags");
        var path = Path.Combine(_factory.Folder.Content, "certifications/new.md");
        File.WriteAllText(path, "---\ntitle: New One\ndate: 2025-01-01\ntags: [Brand New Tag]\n---\nText\n");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpResponseMessage after;
        do
        {
            await Task.Delay(100);
            after = await GetAsync("/tags", h => h.IfNoneMatch.Add(before.Headers.ETag!));
        }
        while (after.StatusCode == HttpStatusCode.NotModified && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.Contains("Brand New Tag", await after.Content.ReadAsStringAsync());
        after.Dispose();
    }

    [Fact]
    public async Task Replicas_over_copies_of_the_same_content_give_a_page_the_same_etag_and_revalidate_each_others()
    {
        using var replica = new PortfolioFactory();
        using var replicaClient = replica.CreateReadyClient();

        using var first = await GetAsync("/programs/aws-machine-learning-engineer-nanodegree");
        using var revalidated = await replicaClient.RevalidateAsync("/programs/aws-machine-learning-engineer-nanodegree", first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(first.Headers.ETag, revalidated.Headers.ETag);
    }

    [Fact]
    public async Task A_setting_that_changes_what_pages_say_gives_them_another_etag()
    {
        using var otherWindow = new PortfolioFactory();
        otherWindow.Settings["Portfolio:RenewalWindowDays"] = "30";
        using var otherClient = otherWindow.CreateReadyClient();

        using var first = await GetAsync("/programs/aws-machine-learning-engineer-nanodegree");
        using var other = await otherClient.RevalidateAsync("/programs/aws-machine-learning-engineer-nanodegree", first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.NotEqual(first.Headers.ETag, other.Headers.ETag);
    }

    [Theory]
    [InlineData("/", "br", "text/html")]
    [InlineData("/", "gzip", "text/html")]
    [InlineData("/feed.xml", "br", "application/atom+xml")]
    [InlineData("/sitemap.xml", "gzip", "application/xml")]
    public async Task Pages_and_feeds_are_compressed_with_brotli_or_gzip(string url, string encoding, string mediaType)
    {
        using var response = await GetAsync(url, h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        using var plain = await GetAsync(url);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < (await plain.Content.ReadAsByteArrayAsync()).Length / 2);
    }

    [Fact]
    public async Task The_stylesheet_is_fingerprinted_and_compressed()
    {
        var html = await (await GetAsync("/")).Content.ReadAsStringAsync();
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/css/site\\.[a-z0-9]+\\.css)\"").Groups[1].Value;

        using var response = await GetAsync(css, h => h.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip")));

        Assert.NotEqual("", css);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.NotNull(response.Headers.ETag);
    }

    private static string[] HeaderValues(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? [.. values] : [];

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    public async Task Health_and_errors_are_never_cached(string url)
    {
        using var first = await GetAsync(url);
        using var second = await GetAsync(url);

        Assert.Null(second.Headers.Age);
        Assert.Null(second.Headers.ETag);
    }
}
