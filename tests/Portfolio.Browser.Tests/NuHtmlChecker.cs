using System.Diagnostics;

namespace Portfolio.Browser.Tests;

/// <summary>The Nu Html Checker (vnu.jar, installed by scripts/test.sh), which judges whether pages are valid HTML5.</summary>
public static class NuHtmlChecker
{
    public static string Jar => Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } jar
        ? jar
        : Path.Combine(SiteServer.RepositoryRoot, "artifacts", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>Checks the pages the site answers at the given URLs, by name; the checker's exit code and what it found.</summary>
    public static async Task<(int ExitCode, string Errors)> CheckAsync(string baseUrl, IEnumerable<(string Name, string Url)> pages)
    {
        Assert.True(File.Exists(Jar), $"the Nu Html Checker is not at {Jar}; scripts/test.sh installs it");
        var folder = Directory.CreateTempSubdirectory("portfolio-html-").FullName;
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        foreach (var (name, url) in pages)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".html"), await response.Content.ReadAsStringAsync());
        }

        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-jar", Jar, "--errors-only", "--format", "text" }.Concat(Directory.GetFiles(folder, "*.html")))
        {
            start.ArgumentList.Add(argument);
        }

        using var checker = Process.Start(start)!;
        var output = checker.StandardOutput.ReadToEndAsync();
        var errors = await checker.StandardError.ReadToEndAsync();
        await checker.WaitForExitAsync();
        Directory.Delete(folder, recursive: true);
        return (checker.ExitCode, errors + await output);
    }
}
