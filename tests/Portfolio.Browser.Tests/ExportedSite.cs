using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Portfolio.Browser.Tests;

/// <summary>
/// The repository's content exported with a base URL that has a path, and served as GitHub Pages serves a project
/// site: only under that path, a folder's index.html for the folder (a path without its slash is redirected to it),
/// 404.html with status 404 for anything else, and none of the site's own headers.
/// </summary>
public sealed class ExportedSite : IAsyncLifetime
{
    public const string PathBase = "/portfolio";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "portfolio-export-tests", Guid.NewGuid().ToString("N"));
    private WebApplication? _host;

    /// <summary>The exported folder.</summary>
    public string Folder => Path.Combine(_root, "site");

    /// <summary>The scheme, host and port the export is served on.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>The base URL the site was exported for: the origin and the path.</summary>
    public string BaseUrl => Origin + PathBase;

    public async Task InitializeAsync()
    {
        var content = Path.Combine(_root, "content");
        SiteServer.CopyFolder(Path.Combine(SiteServer.RepositoryRoot, "content"), content);
        Origin = $"http://127.0.0.1:{SiteServer.FreePort()}";

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        foreach (var argument in new[] { SiteServer.WebAssembly(), "export", Folder, "--content", content, "--base-url", BaseUrl + "/" })
        {
            start.ArgumentList.Add(argument);
        }

        using (var export = Process.Start(start)!)
        {
            var output = export.StandardOutput.ReadToEndAsync();
            var error = await export.StandardError.ReadToEndAsync();
            await export.WaitForExitAsync();
            if (export.ExitCode != 0)
            {
                throw new InvalidOperationException($"the export exited with {export.ExitCode}:\n{error}\n{await output}");
            }
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = _root });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Origin);
        _host = builder.Build();
        _host.UsePathBase(PathBase);
        var files = new PhysicalFileProvider(Folder);
        _host.Use((context, next) => context.Request.PathBase.HasValue ? next(context) : NotFoundAsync(context));
        _host.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        _host.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        _host.Run(NotFoundAsync);
        await _host.StartAsync();
    }

    private Task NotFoundAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.SendFileAsync(Path.Combine(Folder, "404.html"));
    }

    /// <summary>A fresh page of the given width and colours, addressed from the origin (so "/portfolio/..." is the site).</summary>
    public static async Task<IPage> NewPageAsync(IBrowser browser, string origin, int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light, bool javaScript = true)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            BaseURL = origin,
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }
}
