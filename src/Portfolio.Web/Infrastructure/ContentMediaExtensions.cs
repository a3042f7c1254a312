using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Portfolio.Web.Infrastructure;

/// <summary>Serves the images and documents of the content folder under /media, where the Markdown links to them point.</summary>
public static class ContentMediaExtensions
{
    /// <summary>The URL prefix of content files; the importer rewrites relative links to it.</summary>
    public const string RequestPath = "/media";

    // Only media: the Markdown, YAML and anything else in the folder are never served as files.
    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".svg"] = "image/svg+xml",
        [".pdf"] = "application/pdf",
    };

    public static IApplicationBuilder UseContentMedia(this WebApplication app)
    {
        var content = app.Services.GetRequiredService<ContentLocations>().ContentPath;
        if (!Directory.Exists(content))
        {
            return app;
        }

        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = RequestPath,
            FileProvider = new PhysicalFileProvider(content),
            ContentTypeProvider = new FileExtensionContentTypeProvider(MediaTypes),
            ServeUnknownFileTypes = false,
            OnPrepareResponse = context =>
            {
                // An SVG is served as an image, never as a document that could run script in the site's origin.
                context.Context.Response.Headers.ContentSecurityPolicy = SecurityExtensions.FileContentSecurityPolicy;
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
            },
        });
    }
}
