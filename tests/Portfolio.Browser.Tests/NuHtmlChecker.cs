using System.Diagnostics;

namespace Portfolio.Browser.Tests;

/// <summary>The Nu Html Checker (vnu.jar, installed by scripts/test.sh) run over pages of a running site.</summary>
public static class NuHtmlChecker
{
    private static string CheckerJar => Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } jar
        ? jar
        : Path.Combine(SiteServer.RepositoryRoot, "artifacts", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>Whether every page (a name for its file, and its URL) is valid HTML5, and what the checker said.</summary>
    public static async Task<(bool Valid, string Report)> CheckAsync(string baseUrl, IEnumerable<(string Name, string Url)> pages)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var documents = new List<(string Name, string Html)>();
        foreach (var (name, url) in pages)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            documents.Add((name, await response.Content.ReadAsStringAsync()));
        }

        return await CheckHtmlAsync(documents);
    }

    /// <summary>Whether every document (a name for its file, and its HTML) is valid HTML5, and what the checker said.</summary>
    public static async Task<(bool Valid, string Report)> CheckHtmlAsync(IEnumerable<(string Name, string Html)> documents)
    {
        Assert.True(File.Exists(CheckerJar), $"the Nu Html Checker is not at {CheckerJar}; scripts/test.sh installs it");
        var folder = Directory.CreateTempSubdirectory("portfolio-html-").FullName;
        foreach (var (name, html) in documents)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".html"), html);
        }

        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-jar", CheckerJar, "--errors-only", "--format", "text" }.Concat(Directory.GetFiles(folder, "*.html")))
        {
            start.ArgumentList.Add(argument);
        }

        using var checker = Process.Start(start)!;
        var output = checker.StandardOutput.ReadToEndAsync();
        var errors = await checker.StandardError.ReadToEndAsync();
        await checker.WaitForExitAsync();
        Directory.Delete(folder, recursive: true);
        return (checker.ExitCode == 0, errors + await output);
    }
}
