using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Portfolio.Web.Services;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Infrastructure;

/// <summary>
/// Writes the whole site as static files: runs it on a private loopback port in static mode (no query strings; search
/// and filters run in the browser from an index file), under the path of the base URL as the static host will serve it,
/// follows every internal link from the home page and the sitemap, and saves each answer where a static web server
/// looks for it (/programs/x becomes programs/x/index.html). Every link must lead under that path: one that does not is
/// reported, as the host would answer it with a 404.
/// </summary>
public static partial class StaticExporter
{
    /// <summary>Marks a folder as written by the exporter, so that exporting again may replace it.</summary>
    public const string Marker = ".portfolio-export";

    /// <summary>Tells GitHub Pages to serve the files as they are rather than build them with Jekyll.</summary>
    public const string NoJekyll = ".nojekyll";

    public static async Task<int> RunAsync(string output, ContentLocations locations, string? baseUrl, TextWriter log, TextWriter error)
    {
        output = Path.GetFullPath(output);
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any() && !File.Exists(Path.Combine(output, Marker)))
        {
            error.WriteLine($"{output} is not empty and was not written by an export; choose an empty or new folder");
            return 2;
        }

        var scratch = Directory.CreateTempSubdirectory("portfolio-export-").FullName;
        try
        {
            await using var app = Build(locations.ContentPath, Path.Combine(scratch, "portfolio.db"), baseUrl);
            await app.StartAsync();
            var state = app.Services.GetRequiredService<ContentState>();
            await state.FirstImport;
            state.LastReport?.WriteTo(log);

            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }

            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, Marker), "Written by `Portfolio.Web export`; exporting again replaces this folder.\n");
            await File.WriteAllTextAsync(Path.Combine(output, NoJekyll), "");
            var site = new ExportedSite(output, SiteAddress.PathBaseOf(baseUrl), (baseUrl ?? address).TrimEnd('/'));
            var (pages, files, problems) = await CrawlAsync(client, site, error);
            var index = await app.Services.GetRequiredService<ContentIndexProvider>().GetAsync(CancellationToken.None);
            var (redirects, clashes) = await WriteRedirectsAsync(site, index, error);
            problems += clashes;
            await app.StopAsync();
            log.WriteLine($"exported {pages} pages and {files} other files to {output}{(redirects == 0 ? "" : $", and {redirects} old addresses that lead to their pages")}");
            return problems == 0 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static WebApplication Build(string content, string database, string? baseUrl)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portfolio:ContentPath"] = content,
            ["Portfolio:DatabasePath"] = database,
            ["Portfolio:WatchContent"] = "false",
            ["Portfolio:ContentStatusPage"] = "false",
            ["Portfolio:PublicBaseUrl"] = baseUrl,
            // The crawler asks over plain HTTP on loopback; the static host decides about HTTPS.
            ["Portfolio:HttpsRedirection"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Portfolio.Web.Infrastructure.ContentImportService"] = "None",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(RenderingMode.StaticCopy);
        builder.AddPortfolio();
        var app = builder.Build();
        app.UsePortfolio();
        return app;
    }

    /// <summary>The folder written, the path the host serves it under ("/portfolio", or empty at a domain's root), and the public base URL.</summary>
    private sealed record ExportedSite(string Output, PathString PathBase, string BaseUrl)
    {
        /// <summary>The site path of a link the site wrote ("/portfolio/tags" → "/tags"), or null when it leads outside the site's path.</summary>
        public string? SitePathOf(string link) =>
            !PathBase.HasValue ? link
            : link == PathBase.ToUriComponent() ? "/"
            : link.StartsWith(PathBase.ToUriComponent() + "/", StringComparison.Ordinal) ? link[PathBase.ToUriComponent().Length..]
            : null;

        /// <summary>The address of a site path as links in the export write it.</summary>
        public string Link(string sitePath) => SitePaths.Under(PathBase, sitePath);
    }

    private static async Task<(int Pages, int Files, int Problems)> CrawlAsync(HttpClient client, ExportedSite site, TextWriter error)
    {
        // Site paths: each is asked for under the path base and saved under its own path in the folder.
        string[] starts = ["/", "/feed.xml", "/sitemap.xml", "/robots.txt", "/search", SiteUrls.SearchIndex, "/credentials", "/timeline", "/cv"];
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(starts, StringComparer.Ordinal);
        int pages = 0, files = 0, problems = 0;

        void Follow(string link, string from)
        {
            if (site.SitePathOf(link) is { } path)
            {
                Enqueue(path, from);
            }
            else
            {
                error.WriteLine($"{from} links to {link}, outside {site.PathBase}, where the site is published");
                problems++;
            }
        }

        void Enqueue(string path, string from)
        {
            if (path.Contains('?', StringComparison.Ordinal))
            {
                error.WriteLine($"{from} links to {path}, which needs a query string a static site cannot answer");
                problems++;
                path = path[..path.IndexOf('?', StringComparison.Ordinal)];
            }

            if (path.Length > 0 && seen.Add(path))
            {
                queue.Enqueue(path);
            }
        }

        while (queue.TryDequeue(out var path))
        {
            using var response = await client.GetAsync(new Uri(site.Link(path), UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                error.WriteLine($"{path} answered {(int)response.StatusCode}; it is not exported");
                problems++;
                continue;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync();
            var target = FileFor(site.Output, path, response.Content.Headers.ContentType?.MediaType);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, bytes);

            var text = response.Content.Headers.ContentType?.MediaType is "text/html" or "application/xml" ? System.Text.Encoding.UTF8.GetString(bytes) : null;
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                pages++;
                foreach (Match link in InternalLink().Matches(text!))
                {
                    Follow(System.Net.WebUtility.HtmlDecode(link.Groups["path"].Value), path);
                }

                // A preview picture is named by its absolute address; one of the site's own is exported with the rest.
                foreach (Match image in PreviewImage().Matches(text!))
                {
                    var url = System.Net.WebUtility.HtmlDecode(image.Groups["url"].Value);
                    if (url.StartsWith(site.BaseUrl + "/", StringComparison.Ordinal))
                    {
                        Enqueue(url[site.BaseUrl.Length..], path);
                    }
                }
            }
            else
            {
                files++;
                if (path == "/sitemap.xml")
                {
                    foreach (Match location in SitemapLocation().Matches(text!))
                    {
                        Follow(new Uri(location.Groups["url"].Value).AbsolutePath, path);
                    }
                }
            }
        }

        // Static hosts (GitHub Pages, nginx with error_page) serve 404.html for pages they do not have.
        using var missing = await client.GetAsync(new Uri(site.Link("/this-page-does-not-exist"), UriKind.Relative));
        await File.WriteAllBytesAsync(Path.Combine(site.Output, "404.html"), await missing.Content.ReadAsByteArrayAsync());
        return (pages, files, problems);
    }

    /// <summary>
    /// A static host cannot answer an old address with a 301: each gets a small page that sends the browser on with a meta
    /// refresh (no script) and names the page as canonical, so search engines move its standing there.
    /// </summary>
    private static async Task<(int Written, int Clashes)> WriteRedirectsAsync(ExportedSite site, ContentIndex index, TextWriter error)
    {
        int written = 0, clashes = 0;
        foreach (var (path, entry) in index.Redirects.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            // "/old/post.html" is a file of that name; "/old/post" a folder's index.html, as pages are.
            var isFile = path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
            var escaped = string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
            var target = FileFor(site.Output, escaped, isFile ? null : "text/html");
            if (File.Exists(target))
            {
                error.WriteLine($"{path} is an old address of {entry.Url}, but the export has a file there; it is not written");
                clashes++;
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllTextAsync(target, RedirectPage(site.Link(entry.Url), entry.Title, site.BaseUrl + entry.Url));
            written++;
        }

        return (written, clashes);
    }

    private static string RedirectPage(string url, string title, string canonical)
    {
        static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
                <meta charset="utf-8">
                <title>Moved: {Encode(title)}</title>
                <meta name="robots" content="noindex">
                <link rel="canonical" href="{Encode(canonical)}">
                <meta http-equiv="refresh" content="0; url={Encode(url)}">
            </head>
            <body>
                <p>This page has moved to <a href="{Encode(url)}">{Encode(title)}</a>.</p>
            </body>
            </html>

            """;
    }

    /// <summary>Where a static server looks for a path: a page is a folder's index.html, a file keeps its name.</summary>
    private static string FileFor(string output, string path, string? mediaType)
    {
        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var isPage = mediaType == "text/html";
        var relative = isPage ? Path.Combine([.. segments, "index.html"]) : Path.Combine(segments);
        var full = Path.GetFullPath(Path.Combine(output, relative));
        return full.StartsWith(output + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new InvalidOperationException($"{path} would be written outside {output}");
    }

    [GeneratedRegex("(?:href|src)=\"(?<path>/(?!/)[^\"#]*)(?:#[^\"]*)?\"")]
    private static partial Regex InternalLink();

    [GeneratedRegex("<meta property=\"og:image\" content=\"(?<url>[^\"]+)\"")]
    private static partial Regex PreviewImage();

    [GeneratedRegex("<loc>(?<url>[^<]+)</loc>")]
    private static partial Regex SitemapLocation();
}
