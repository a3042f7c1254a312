using Microsoft.Extensions.Options;

namespace Portfolio.Web.Services;

/// <summary>Absolute URLs of the site: from Portfolio:PublicBaseUrl, or else from the request being answered.</summary>
public sealed class SiteAddress(IOptions<PortfolioOptions> options, IHttpContextAccessor http)
{
    /// <summary>The base URL without a trailing slash.</summary>
    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl))
            {
                return options.Value.PublicBaseUrl.TrimEnd('/');
            }

            var request = http.HttpContext?.Request;
            return request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    /// <summary>The absolute URL of a site path ("/programs/x" → "https://example.com/programs/x").</summary>
    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    /// <summary>
    /// Where the site lives under its public address: the path of https://owner.github.io/portfolio/ is /portfolio,
    /// and of https://example.com nothing. The site answers under it and every link it writes carries it.
    /// </summary>
    public static PathString PathBaseOf(string? publicBaseUrl) =>
        !string.IsNullOrWhiteSpace(publicBaseUrl) && Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var uri)
            ? PathString.FromUriComponent(uri.AbsolutePath.TrimEnd('/'))
            : PathString.Empty;
}
