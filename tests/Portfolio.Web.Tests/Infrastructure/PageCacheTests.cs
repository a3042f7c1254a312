using Portfolio.Web.ViewModels;
using Portfolio.Web.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Portfolio.Web.Infrastructure;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>
/// What the page cache keeps, driven directly with requests and a page that renders a body of a chosen size: its memory
/// stays within its limit however many addresses are asked for, only whole, shareable 200 answers are kept, and a page
/// missed by several requests at once is rendered once. (CachingTests show it at work on the site itself.)
/// </summary>
public sealed class PageCacheTests : IDisposable
{
    /// <summary>The site's compression settings, which decide the encoding a page is kept under.</summary>
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddPortfolioCaching().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    private PageCache NewCache(long maxBytes = PageCache.MaxBytes) =>
        new(new ContentState(), TimeProvider.System, _services.GetRequiredService<IResponseCompressionProvider>(), maxBytes);

    private static Task<HttpContext> AskAsync(PageCache cache, string path, RequestDelegate page, string? acceptEncoding = null) =>
        AskAsync(cache, path, page, acceptEncoding, CancellationToken.None);

    private static async Task<HttpContext> AskAsync(PageCache cache, string path, RequestDelegate page, string? acceptEncoding, CancellationToken aborted)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("site.example");
        context.Request.Path = path;
        if (acceptEncoding is not null)
        {
            context.Request.Headers.AcceptEncoding = acceptEncoding;
        }

        context.RequestAborted = aborted;
        context.Response.Body = new MemoryStream();
        await cache.InvokeAsync(context, page);
        return context;
    }

    private static RequestDelegate Page(int bytes, Action<HttpResponse>? headers = null, int status = 200) => async context =>
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html";
        headers?.Invoke(context.Response);
        await context.Response.Body.WriteAsync(new byte[bytes]);
    };

    private static bool FromCache(HttpContext context) => context.Response.Headers.Age.Count > 0;

    [Fact]
    public async Task Memory_stays_within_the_limit_however_many_addresses_are_asked_for()
    {
        using var cache = NewCache(maxBytes: 100_000);

        for (var i = 0; i < 200; i++)
        {
            await AskAsync(cache, $"/search/{i}", Page(10_000));
        }

        // Each page counts its body and a kilobyte for its headers.
        Assert.InRange(cache.Count, 1, 100_000 / 11_000);
    }

    [Fact]
    public async Task A_kept_page_is_answered_without_rendering_it_again()
    {
        using var cache = NewCache();
        var renders = 0;
        RequestDelegate page = async context =>
        {
            renders++;
            await Page(500)(context);
        };

        var first = await AskAsync(cache, "/a", page);
        var second = await AskAsync(cache, "/a", page);

        Assert.Equal(1, renders);
        Assert.False(FromCache(first));
        Assert.True(FromCache(second));
        Assert.Equal(500, ((MemoryStream)second.Response.Body).Length);
        Assert.Equal(500, second.Response.ContentLength);
    }

    [Theory]
    [InlineData(404, false, false)]
    [InlineData(200, true, false)]
    [InlineData(200, false, true)]
    public async Task Errors_answers_with_cookies_and_private_answers_are_not_kept(int status, bool cookie, bool isPrivate)
    {
        using var cache = NewCache();
        var page = Page(100, response =>
        {
            if (cookie)
            {
                response.Headers.SetCookie = "session=1";
            }

            if (isPrivate)
            {
                response.Headers.CacheControl = "private, max-age=60";
            }
        }, status);

        await AskAsync(cache, "/a", page);
        var again = await AskAsync(cache, "/a", page);

        Assert.False(FromCache(again));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_page_larger_than_the_largest_kept_is_answered_whole_but_not_kept()
    {
        using var cache = NewCache();

        var first = await AskAsync(cache, "/big", Page(PageCache.MaxPageBytes + 1));

        Assert.Equal(PageCache.MaxPageBytes + 1, ((MemoryStream)first.Response.Body).Length);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Clearing_forgets_every_page()
    {
        using var cache = NewCache();
        await AskAsync(cache, "/a", Page(100));
        await AskAsync(cache, "/b", Page(100));

        cache.Clear();
        var again = await AskAsync(cache, "/a", Page(100));

        Assert.False(FromCache(again));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task Spellings_of_one_encoding_share_one_page_and_another_encoding_has_its_own()
    {
        using var cache = NewCache();
        var renders = 0;
        RequestDelegate page = async context =>
        {
            renders++;
            await Page(500)(context);
        };

        await AskAsync(cache, "/a", page, "gzip, br");
        var reordered = await AskAsync(cache, "/a", page, "br, gzip");
        var weighed = await AskAsync(cache, "/a", page, "br;q=1.0");
        var gzipPreferred = await AskAsync(cache, "/a", page, "gzip;q=1.0, br;q=0.5");

        Assert.True(FromCache(reordered));
        Assert.True(FromCache(weighed));
        Assert.False(FromCache(gzipPreferred));
        Assert.Equal(2, renders);
        Assert.Equal(2, cache.Count);
    }

    /// <summary>A page that renders only once the gate opens, counting its renders.</summary>
    private sealed class GatedPage(int status = 200)
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _renders;

        public int Renders => Volatile.Read(ref _renders);

        public void Open() => _gate.TrySetResult();

        public async Task RenderAsync(HttpContext context)
        {
            Interlocked.Increment(ref _renders);
            await _gate.Task.WaitAsync(context.RequestAborted);
            await Page(500, status: status)(context);
        }
    }

    [Fact]
    public async Task Concurrent_first_requests_of_a_page_render_it_once_and_all_get_it()
    {
        using var cache = NewCache();
        var page = new GatedPage();

        var asked = Enumerable.Range(0, 8).Select(_ => AskAsync(cache, "/a", page.RenderAsync)).ToList();
        page.Open();
        var answers = await Task.WhenAll(asked);

        Assert.Equal(1, page.Renders);
        Assert.All(answers, answer =>
        {
            Assert.Equal(200, answer.Response.StatusCode);
            Assert.Equal(500, ((MemoryStream)answer.Response.Body).Length);
        });
        Assert.Single(answers, answer => !FromCache(answer));
    }

    [Fact]
    public async Task When_the_first_render_is_not_kept_the_requests_that_waited_for_it_render_the_page_themselves()
    {
        using var cache = NewCache();
        var page = new GatedPage(status: 404);

        var asked = Enumerable.Range(0, 4).Select(_ => AskAsync(cache, "/missing", page.RenderAsync)).ToList();
        page.Open();
        var answers = await Task.WhenAll(asked);

        Assert.Equal(4, page.Renders);
        Assert.All(answers, answer =>
        {
            Assert.Equal(404, answer.Response.StatusCode);
            Assert.Equal(500, ((MemoryStream)answer.Response.Body).Length);
        });
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task A_client_gone_during_the_first_render_does_not_leave_the_others_without_their_page()
    {
        using var cache = NewCache();
        var page = new GatedPage();
        using var gone = new CancellationTokenSource();

        var first = AskAsync(cache, "/a", page.RenderAsync, null, gone.Token);
        var others = Enumerable.Range(0, 4).Select(_ => AskAsync(cache, "/a", page.RenderAsync)).ToList();
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        page.Open();
        var answers = await Task.WhenAll(others);

        Assert.All(answers, answer =>
        {
            Assert.Equal(200, answer.Response.StatusCode);
            Assert.Equal(500, ((MemoryStream)answer.Response.Body).Length);
        });
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task A_request_waits_for_a_render_held_up_no_longer_than_the_render_wait()
    {
        using var cache = NewCache();
        var held = new GatedPage();
        var first = AskAsync(cache, "/a", held.RenderAsync);

        var started = TimeProvider.System.GetTimestamp();
        var second = await AskAsync(cache, "/a", Page(500));
        var waited = TimeProvider.System.GetElapsedTime(started);
        held.Open();
        await first;

        Assert.Equal(500, ((MemoryStream)second.Response.Body).Length);
        Assert.InRange(waited, PageCache.RenderWait * 0.9, PageCache.RenderWait * 5);
    }
}
