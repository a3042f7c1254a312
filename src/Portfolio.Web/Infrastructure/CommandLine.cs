using Portfolio.Content.Data;
using Portfolio.Content.Import;

namespace Portfolio.Web.Infrastructure;

/// <summary>The `validate` and `import` commands: print every problem and a summary, exit 0 without errors and 1 with.</summary>
public static class CommandLine
{
    private const string Usage = """
        Usage:
          Portfolio.Web                               import the content, then serve the site
          Portfolio.Web validate [--content DIR]      check the content and print every problem
          Portfolio.Web import [--content DIR] [--database FILE]
                                                      build the database and print every problem
          Portfolio.Web export DIR [--content DIR] [--base-url URL]
                                                      write the whole site as static files into DIR
          Portfolio.Web health [--url URL]            exit 0 when the running site reports healthy (for HEALTHCHECK)
        """;

    private static int Export(string[] args, IConfiguration configuration, string workingDirectory, TextWriter output, TextWriter error)
    {
        var options = configuration.GetSection(PortfolioOptions.Section).Get<PortfolioOptions>() ?? new PortfolioOptions();
        string? folder = null;
        var baseUrl = options.PublicBaseUrl;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--content" when i + 1 < args.Length:
                    options.ContentPath = args[++i];
                    break;
                case "--base-url" when i + 1 < args.Length && Uri.TryCreate(args[i + 1], UriKind.Absolute, out _):
                    baseUrl = args[++i];
                    break;
                case var value when folder is null && !value.StartsWith('-'):
                    folder = value;
                    break;
                default:
                    error.WriteLine($"unknown or incomplete option '{args[i]}'");
                    error.WriteLine(Usage);
                    return 2;
            }
        }

        if (folder is null)
        {
            error.WriteLine("export needs the folder to write to");
            error.WriteLine(Usage);
            return 2;
        }

        var locations = ContentLocations.Resolve(options, workingDirectory);
        return StaticExporter.RunAsync(Path.GetFullPath(folder, workingDirectory), locations, baseUrl, output, error).GetAwaiter().GetResult();
    }

    /// <summary>Asks the running site's /healthz; the port comes from ASPNETCORE_HTTP_PORTS as in the container.</summary>
    private static int CheckHealth(string[] args, TextWriter output, TextWriter error)
    {
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split(';', ',')[0];
        var url = args.Length == 3 && args[1] == "--url" ? args[2] : $"http://127.0.0.1:{port}/healthz";
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = client.GetAsync(new Uri(url)).GetAwaiter().GetResult();
            output.WriteLine($"{(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            error.WriteLine($"unhealthy: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Runs a command if the arguments name one; returns its exit code, or null to start the site.</summary>
    public static int? TryRun(string[] args, IConfiguration configuration, string workingDirectory, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0].Contains('='))
        {
            return null;
        }

        var command = args[0];
        if (command == "health")
        {
            return CheckHealth(args, output, error);
        }

        if (command == "export")
        {
            return Export(args, configuration, workingDirectory, output, error);
        }

        if (command is not ("validate" or "import"))
        {
            error.WriteLine($"unknown command '{command}'");
            error.WriteLine(Usage);
            return 2;
        }

        var options = configuration.GetSection(PortfolioOptions.Section).Get<PortfolioOptions>() ?? new PortfolioOptions();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--content" when i + 1 < args.Length:
                    options.ContentPath = args[++i];
                    break;
                case "--database" when i + 1 < args.Length && command == "import":
                    options.DatabasePath = args[++i];
                    break;
                default:
                    error.WriteLine($"unknown or incomplete option '{args[i]}'");
                    error.WriteLine(Usage);
                    return 2;
            }
        }

        var locations = ContentLocations.Resolve(options, workingDirectory);
        var importer = new ContentImporter(TimeProvider.System);
        var report = command == "validate"
            ? importer.Validate(locations.ContentPath)
            : importer.Import(locations.ContentPath, PortfolioDatabase.Options(locations.DatabasePath));
        report.WriteTo(output);
        error.WriteLine($"{command} took {report.Duration.TotalMilliseconds:F0} ms, {report.ParsedFiles} files parsed");
        return report.Errors == 0 ? 0 : 1;
    }
}
