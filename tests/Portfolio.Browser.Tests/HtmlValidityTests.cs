using System.Diagnostics;

namespace Portfolio.Browser.Tests;

/// <summary>Every page type is valid HTML5, as the Nu Html Checker (vnu.jar, installed by scripts/test.sh) judges it.</summary>
[Collection(SiteCollection.Name)]
public sealed class HtmlValidityTests(SiteServer site)
{
    private static string CheckerJar => Environment.GetEnvironmentVariable("VNU_JAR") is { Length: > 0 } jar
        ? jar
        : Path.Combine(SiteServer.RepositoryRoot, "artifacts", "tools", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    [Fact]
    public async Task Every_page_type_is_valid_html()
    {
        Assert.True(File.Exists(CheckerJar), $"the Nu Html Checker is not at {CheckerJar}; scripts/test.sh installs it");
        var folder = Directory.CreateTempSubdirectory("portfolio-html-").FullName;
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        foreach (var row in PageTypes.All)
        {
            var (name, url) = ((string)row[0], (string)row[1]);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            await File.WriteAllTextAsync(Path.Combine(folder, name + ".html"), await response.Content.ReadAsStringAsync());
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

        Assert.True(checker.ExitCode == 0, $"the checker found errors:\n{errors}{await output}");
    }
}
