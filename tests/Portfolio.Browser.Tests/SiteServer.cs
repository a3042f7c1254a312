using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Portfolio.Browser.Tests;

/// <summary>
/// The real site: the built Portfolio.Web on a real Kestrel port over a copy of the repository's content (with any
/// files a test adds), and Debian's Chromium driven by Playwright. Shared by every browser test.
/// </summary>
public sealed class SiteServer : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "portfolio-browser-tests", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, byte[]> _extraFiles;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string?> _log = new();
    private Process? _site;
    private IPlaywright? _playwright;

    /// <summary>The site over a copy of the repository's content.</summary>
    public SiteServer()
        : this(new Dictionary<string, byte[]>())
    {
    }

    /// <summary>The site over a copy of the repository's content with these files (by path in content/) added.</summary>
    internal SiteServer(IReadOnlyDictionary<string, byte[]> extraFiles) => _extraFiles = extraFiles;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The site's SQLite file, built from the content when the site started.</summary>
    public string DatabasePath => Path.Combine(_root, "data", "portfolio.db");

    public IBrowser Browser { get; private set; } = null!;

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Screenshots are kept as test output in artifacts/screenshots.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        var content = Path.Combine(_root, "content");
        CopyFolder(Path.Combine(RepositoryRoot, "content"), content);
        foreach (var (path, bytes) in _extraFiles)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(content, path))!);
            await File.WriteAllBytesAsync(Path.Combine(content, path), bytes);
        }

        Directory.CreateDirectory(ScreenshotFolder);

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _root };
        start.ArgumentList.Add(WebAssembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Portfolio__ContentPath"] = content;
        start.Environment["Portfolio__DatabasePath"] = DatabasePath;
        start.Environment["Portfolio__ContentStatusPage"] = "true";
        _site = Process.Start(start)!;
        _site.OutputDataReceived += (_, e) => _log.Enqueue(e.Data);
        _site.ErrorDataReceived += (_, e) => _log.Enqueue(e.Data);
        _site.BeginOutputReadLine();
        _site.BeginErrorReadLine();
        await WaitForHealthAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh page of the given width, light or dark.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
            BaseURL = BaseUrl,
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_site is { HasExited: false })
        {
            _site.Kill(entireProcessTree: true);
            await _site.WaitForExitAsync();
        }

        _site?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }

    private async Task WaitForHealthAsync()
    {
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_site!.HasExited)
            {
                throw new InvalidOperationException($"the site exited with {_site.ExitCode}:\n{string.Join('\n', _log)}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseUrl + "/healthz"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the site did not become healthy within 60 s:\n{string.Join('\n', _log)}");
    }

    /// <summary>The site built with these tests, in the same configuration.</summary>
    internal static string WebAssembly()
    {
        // The tests run from tests/Portfolio.Browser.Tests/bin/<configuration>/net10.0/.
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)))!;
        var path = Path.Combine(RepositoryRoot, "src", "Portfolio.Web", "bin", configuration, "net10.0", "Portfolio.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build the solution first", path);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portfolio.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Portfolio.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteServer>
{
    public const string Name = "site";
}
