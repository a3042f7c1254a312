using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portfolio.Web.Infrastructure;

/// <summary>
/// What the site refuses before any page sees a request: query strings and paths that are not UTF-8 or hold NUL
/// characters (400), searches beyond a client's share (429 with Retry-After); and what it accepts: HEAD wherever GET is.
/// </summary>
public static class RequestGuards
{
    /// <summary>The paths whose answers count against a client's searches a minute: search and the search API.</summary>
    private static readonly string[] SearchPaths = ["/search", "/api/entries"];

    /// <summary>True for a request the search rate limit applies to. Runs for every request: no allocation.</summary>
    private static bool IsSearch(HttpRequest request)
    {
        var path = request.Path.Value.AsSpan().TrimEnd('/');
        foreach (var search in SearchPaths)
        {
            if (path.Equals(search, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static IServiceCollection AddRequestGuards(this IServiceCollection services)
    {
        // A global limiter on the search paths only (UseSearchRateLimit), not an endpoint policy: it runs before
        // routing and before the page cache, so that cached answers count too and cached pages skip routing.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<PortfolioOptions>>((limiter, portfolio) =>
        {
            var perMinute = portfolio.Value.SearchRequestsPerMinute;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => perMinute <= 0
                ? RateLimitPartition.GetNoLimiter("")
                : RateLimitPartition.GetSlidingWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new SlidingWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0 }));
        });
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 10;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                rejected.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await rejected.HttpContext.Response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many requests</title></head><body><main><h1>Too many requests</h1><p>Please wait {seconds} seconds and search again.</p><p><a href=\"{System.Net.WebUtility.HtmlEncode(SitePaths.Under(rejected.HttpContext.Request.PathBase, "/"))}\">Go to the home page</a></p></main></body></html>",
                    cancellationToken);
            };
        });
        return services;
    }

    /// <summary>
    /// Counts searches against a client's share. Every other request skips the limiter altogether: its partition lookup
    /// takes a lock, which showed in every cached page served.
    /// </summary>
    public static WebApplication UseSearchRateLimit(this WebApplication app)
    {
        app.UseWhen(context => IsSearch(context.Request), search => search.UseRateLimiter());
        return app;
    }

    /// <summary>Refuses, with the 400 page, paths and query strings that do not decode to UTF-8 text without NUL characters.</summary>
    public static WebApplication UseRequestGuards(this WebApplication app)
    {
        // Not an async lambda: a state machine for every request, to await a call it could return.
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (!IsCleanText(request.Path.Value) || !IsCleanEncoding(request.QueryString.Value))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Request.Path = "/error/400";
                context.Request.QueryString = QueryString.Empty;
            }

            return next(context);
        });
        return app;
    }

    private static bool IsCleanText(string? text) => text is null || (!text.Contains('\0', StringComparison.Ordinal) && !text.Contains('\uFFFD', StringComparison.Ordinal));

    /// <summary>Percent-escapes must decode to valid UTF-8 without NUL: "%C3%28" and "%00" are refused.</summary>
    private static bool IsCleanEncoding(string? query)
    {
        // Runs for every request with a query string. Characters that are not escapes always encode to valid UTF-8,
        // so a query without '%' only needs its NULs looked for; one with escapes is decoded into a pooled buffer.
        if (string.IsNullOrEmpty(query) || !query.Contains('%', StringComparison.Ordinal))
        {
            return query is null || !query.Contains('\0', StringComparison.Ordinal);
        }

        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(query.Length));
        try
        {
            var length = 0;
            for (var i = 0; i < query.Length; i++)
            {
                if (query[i] == '%' && i + 2 < query.Length && Uri.IsHexDigit(query[i + 1]) && Uri.IsHexDigit(query[i + 2]))
                {
                    buffer[length++] = (byte)((Uri.FromHex(query[i + 1]) << 4) | Uri.FromHex(query[i + 2]));
                    i += 2;
                }
                else
                {
                    // One character at a time, as before: a lone surrogate becomes U+FFFD's bytes, which are valid.
                    length += Encoding.UTF8.GetBytes(query.AsSpan(i, 1), buffer.AsSpan(length));
                }
            }

            var bytes = buffer.AsSpan(0, length);
            return System.Text.Unicode.Utf8.IsValid(bytes) && !bytes.Contains((byte)0);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>HEAD is answered wherever GET is, as a static server would.</summary>
public sealed class HeadAlongsideGet : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            if (selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault() is { } constraint
                && constraint.HttpMethods.Contains(HttpMethods.Get) && !constraint.HttpMethods.Contains(HttpMethods.Head))
            {
                string[] methods = [.. constraint.HttpMethods, HttpMethods.Head];
                selector.ActionConstraints.Remove(constraint);
                selector.ActionConstraints.Add(new HttpMethodActionConstraint(methods));
                foreach (var metadata in selector.EndpointMetadata.OfType<HttpMethodMetadata>().ToList())
                {
                    selector.EndpointMetadata.Remove(metadata);
                }

                selector.EndpointMetadata.Add(new HttpMethodMetadata(methods));
            }
        }
    }
}
