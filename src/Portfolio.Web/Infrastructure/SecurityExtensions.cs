using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Portfolio.Web.Infrastructure;

/// <summary>
/// Response headers that keep the site's pages to themselves: a content security policy with no inline script or style,
/// no framing, no sniffing, a strict referrer policy, no powerful features, and HSTS on every answer that came over
/// HTTPS outside Development (the site sends it, a proxy in front does not); HTTPS redirection unless switched off for
/// a TLS-terminating proxy, whose forwarded headers are believed when the owner names its address or network.
/// </summary>
public static class SecurityExtensions
{
    /// <summary>The site serves its own stylesheet and images and no script; JSON-LD blocks are data, not script.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>The policy of a file served as it is (an image, a badge): an SVG opened on its own keeps its styles and runs nothing.</summary>
    public const string FileContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    /// <summary>
    /// The policy of a static copy, carried by its pages in a meta element as a static host sends no headers: the site's
    /// own, and its scripts (search and filters in the browser) and the index they read, from the site itself. A meta
    /// element cannot say frame-ancestors.
    /// </summary>
    public const string StaticCopyContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'";

    public static IServiceCollection AddPortfolioSecurity(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<PortfolioOptions>>((forwarded, portfolio) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            // Only the proxies the owner names are believed about the client's address and scheme (each checked at start).
            foreach (var proxy in portfolio.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in portfolio.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    private static readonly Microsoft.Extensions.Primitives.StringValues Policy = ContentSecurityPolicy;
    private static readonly Microsoft.Extensions.Primitives.StringValues NoSniff = "nosniff";
    private static readonly Microsoft.Extensions.Primitives.StringValues Deny = "DENY";
    private static readonly Microsoft.Extensions.Primitives.StringValues Referrer = "strict-origin-when-cross-origin";
    private static readonly Microsoft.Extensions.Primitives.StringValues Permissions =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
    private static readonly Microsoft.Extensions.Primitives.StringValues SameOrigin = "same-origin";

    private static Task SetHeaders(object state)
    {
        var headers = (IHeaderDictionary)state;
        // A file's own, stricter policy is kept; everything else gets the site's.
        if (headers.ContentSecurityPolicy.Count == 0)
        {
            headers.ContentSecurityPolicy = Policy;
        }

        headers.XContentTypeOptions = NoSniff;
        headers.XFrameOptions = Deny;
        headers["Referrer-Policy"] = Referrer;
        headers["Permissions-Policy"] = Permissions;
        headers["Cross-Origin-Opener-Policy"] = SameOrigin;
        headers.Remove("Server");
        return Task.CompletedTask;
    }

    public static WebApplication UsePortfolioSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PortfolioOptions>>().Value;
        // With both lists empty the middleware would believe every client's headers: with no proxy named, it is left out.
        if (options.KnownProxies.Count > 0 || options.KnownNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.Use((context, next) =>
        {
            // When the answer starts, so that error pages (whose handler clears the headers) carry them too. Static
            // callback and values: nothing is allocated for them per request.
            context.Response.OnStarting(SetHeaders, context.Response.Headers);
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            // Only on answers over HTTPS, the scheme a trusted proxy forwarded included: behind one, HSTS comes from here once.
            app.UseHsts();
            if (options.HttpsRedirection)
            {
                app.UseHttpsRedirection();
            }
        }

        return app;
    }
}
