using Portfolio.Web.ViewModels;
using Portfolio.Web.Services;
using Microsoft.AspNetCore.Http;
using Portfolio.Web.Infrastructure;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>
/// What the page cache keeps, driven directly with requests and a page that renders a body of a chosen size: its memory
/// stays within its limit however many addresses are asked for, and only whole, shareable 200 answers are kept.
/// (CachingTests show it at work on the site itself.)
/// </summary>
public sealed class PageCacheTests
{
    private static async Task<HttpContext> AskAsync(PageCache cache, string path, RequestDelegate page)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("site.example");
        context.Request.Path = path;
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
        using var cache = new PageCache(new ContentState(), TimeProvider.System, maxBytes: 100_000);

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
        using var cache = new PageCache(new ContentState(), TimeProvider.System);
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
        using var cache = new PageCache(new ContentState(), TimeProvider.System);
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
        using var cache = new PageCache(new ContentState(), TimeProvider.System);

        var first = await AskAsync(cache, "/big", Page(PageCache.MaxPageBytes + 1));

        Assert.Equal(PageCache.MaxPageBytes + 1, ((MemoryStream)first.Response.Body).Length);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task Clearing_forgets_every_page()
    {
        using var cache = new PageCache(new ContentState(), TimeProvider.System);
        await AskAsync(cache, "/a", Page(100));
        await AskAsync(cache, "/b", Page(100));

        cache.Clear();
        var again = await AskAsync(cache, "/a", Page(100));

        Assert.False(FromCache(again));
        Assert.Equal(1, cache.Count);
    }
}
