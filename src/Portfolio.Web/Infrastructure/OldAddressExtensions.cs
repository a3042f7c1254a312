using Portfolio.Content.Text;
using Portfolio.Web.Services;

namespace Portfolio.Web.Infrastructure;

/// <summary>
/// Old addresses of pages (Hugo's aliases, Jekyll's redirect_from and permalinks) answer 301 with the page's own address.
/// Only where nothing else answered: a page, a file or a route of the site always wins over an old address, and the
/// target is always a page of this site, never an address taken from the request.
/// </summary>
public static class OldAddressExtensions
{
    public static WebApplication UseOldAddresses(this WebApplication app)
    {
        var indexes = app.Services.GetRequiredService<ContentIndexProvider>();
        app.Use(async (context, next) =>
        {
            await next(context);
            var response = context.Response;
            if (response.StatusCode != StatusCodes.Status404NotFound || response.HasStarted
                || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                return;
            }

            var index = await indexes.GetAsync(context.RequestAborted);
            if (index.Redirects.Count > 0 && OldAddressPaths.Clean(context.Request.Path.Value ?? "") is { } path && index.Redirects.TryGetValue(path, out var entry))
            {
                response.Clear();
                response.StatusCode = StatusCodes.Status301MovedPermanently;
                response.Headers.Location = SitePaths.Under(context.Request.PathBase, entry.Url);
            }
        });
        return app;
    }
}
