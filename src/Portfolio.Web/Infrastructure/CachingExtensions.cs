using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Portfolio.Web.Services;

namespace Portfolio.Web.Infrastructure;

/// <summary>
/// Pages are rendered once per content version and served from memory after that, compressed, with ETag and
/// Last-Modified so that browsers and proxies revalidate with a 304. An import evicts everything.
/// </summary>
public static class CachingExtensions
{
    private static readonly string[] Uncached = ["/healthz", "/status", "/error"];

    /// <summary>The uncached pages, and the files (stylesheets, the icon, content media) that have caching of their own.</summary>
    private static readonly string[] NotCached = [.. Uncached, "/css", "/media", "/favicon.svg"];

    public static IServiceCollection AddPortfolioCaching(this IServiceCollection services)
    {
        services.AddSingleton<PageCache>();
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "text/css", "text/plain", "application/atom+xml", "application/xml", "application/json", "application/problem+json", "image/svg+xml", "text/calendar"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        return services;
    }

    /// <summary>
    /// Answers pages from memory (see <see cref="PageCache"/>) before routing and everything after it: most requests end
    /// here. What may be kept is decided from the request alone; only 200 answers are kept.
    /// </summary>
    public static WebApplication UsePageCache(this WebApplication app)
    {
        var cache = app.Services.GetRequiredService<PageCache>();
        app.Use((context, next) => MayBeCached(context.Request) ? cache.InvokeAsync(context, next) : next(context));
        return app;
    }

    /// <summary>
    /// True when the client's copy is current: one of its tags matches (weakly), or, when it sent no tag, the page has
    /// not changed since its date. Used for pages rendered now and pages from the cache alike.
    /// </summary>
    internal static bool IsNotModified(HttpRequest request, EntityTagHeaderValue? etag, DateTimeOffset? lastModified)
    {
        // Most requests are not conditional: their headers are not parsed.
        if (request.Headers.IfNoneMatch.Count == 0 && request.Headers.IfModifiedSince.Count == 0)
        {
            return false;
        }

        var headers = request.GetTypedHeaders();
        return headers.IfNoneMatch.Count > 0
            ? etag is not null && headers.IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false) || tag.Equals(EntityTagHeaderValue.Any))
            : headers.IfModifiedSince is { } since && lastModified is { } modified && modified <= since;
    }

    /// <summary>
    /// Conditional GETs, then compression, for what routing found to be a page. The page cache runs earlier, before
    /// routing (see UsePortfolio), and keeps what comes out of these: compressed, once per encoding.
    /// </summary>
    public static WebApplication UsePortfolioCaching(this WebApplication app)
    {
        var build = Build(app.Services.GetRequiredService<IOptions<PortfolioOptions>>().Value);
        app.Use(async (context, next) =>
        {
            if (!IsPage(context))
            {
                await next(context);
                return;
            }

            var index = await context.RequestServices.GetRequiredService<ContentIndexProvider>().GetAsync(context.RequestAborted);
            var today = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.Date;
            var etag = new EntityTagHeaderValue($"\"{Fingerprint(build, index.Version, today, context.Request)}\"", isWeak: true);
            var headers = context.Response.GetTypedHeaders();
            headers.ETag = etag;
            headers.LastModified = index.LastModified;
            headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };

            if (IsNotModified(context.Request, etag, index.LastModified))
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            await next(context);
        });
        app.UseResponseCompression();
        return app;
    }

    /// <summary>
    /// What the page cache may answer and keep, decided from the request alone as it runs before routing: GETs without
    /// credentials, outside health, status, errors and files (stylesheets, the icon and content media have their own
    /// caching). Only 200 answers are kept, so an address that is not a page is never stored.
    /// </summary>
    private static bool MayBeCached(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !request.Headers.ContainsKey(HeaderNames.Authorization) && !IsUnder(request.Path, NotCached);

    /// <summary>Pages, feeds and the API: GET requests to controllers, except health, status and errors.</summary>
    private static bool IsPage(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is not null
        && !IsUnder(context.Request.Path, Uncached);

    /// <summary>True when the path is one of the prefixes or below one. Runs for every request: a loop, no allocation.</summary>
    private static bool IsUnder(PathString path, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What besides the content shapes a page: this build of the site and the settings that change what pages say. Replicas
    /// of one build with the same settings agree; an upgrade or such a setting changed gives every page a new tag.
    /// </summary>
    private static string Build(PortfolioOptions options) => string.Join('|',
        typeof(CachingExtensions).Assembly.ManifestModule.ModuleVersionId.ToString("N"),
        options.PublicBaseUrl, options.IncludeDrafts, options.RenewalWindowDays, options.MaxFileMegabytes);

    /// <summary>The same build, content version, day and URL give the same page, so they give the same tag.</summary>
    private static string Fingerprint(string build, string version, DateTime today, HttpRequest request)
    {
        var text = $"{build}|{version}|{today:yyyy-MM-dd}|{request.PathBase}{request.Path}{request.QueryString}";
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12).ToLowerInvariant();
    }
}
