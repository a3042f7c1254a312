using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>Runs alone: it builds the site, which would slow the tests that time real events.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PagesWorkflowCollection
{
    public const string Name = "pages workflow";
}

/// <summary>
/// The GitHub Pages workflow (.github/workflows/pages.yml) cannot run here; scripts/test.sh checks it against GitHub's
/// workflow schema, and this runs its Build and Export steps as they are written, from the repository's root as the
/// workflow's checkout, with the environment GitHub gives them: RUNNER_TEMP (here a temporary folder) and the Pages
/// address that actions/configure-pages reports. What they leave is what upload-pages-artifact uploads.
/// </summary>
[Collection(PagesWorkflowCollection.Name)]
public sealed class PagesWorkflowTests : IDisposable
{
    private const string PagesAddress = "https://owner.github.io/portfolio";
    private readonly string _runnerTemp = Directory.CreateTempSubdirectory("portfolio-pages-").FullName;
    private readonly YamlMappingNode _workflow;

    public PagesWorkflowTests()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(TempContent.RepositoryRoot, ".github", "workflows", "pages.yml"));
        yaml.Load(reader);
        _workflow = (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    public void Dispose() => Directory.Delete(_runnerTemp, recursive: true);

    private static YamlMappingNode Map(YamlNode node, params string[] keys) =>
        keys.Aggregate((YamlMappingNode)node, (map, key) => (YamlMappingNode)map.Children[new YamlScalarNode(key)]);

    private IEnumerable<YamlMappingNode> Steps(string job) =>
        ((YamlSequenceNode)Map(_workflow, "jobs", job).Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>();

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    private YamlMappingNode Step(string name) => Steps("build").Single(s => Scalar(s, "name") == name);

    /// <summary>An expression as GitHub would give it here; any other is not expected in these steps.</summary>
    private string Evaluate(string text) => text
        .Replace("${{ steps.pages.outputs.base_url }}", PagesAddress, StringComparison.Ordinal)
        .Replace("${{ runner.temp }}", _runnerTemp, StringComparison.Ordinal);

    [Fact]
    public void It_builds_on_a_push_to_main_and_by_hand_and_deploys_with_the_pages_actions_one_run_at_a_time()
    {
        var triggers = Map(_workflow, "on");
        Assert.Equal("main", ((YamlSequenceNode)Map(triggers, "push").Children[new YamlScalarNode("branches")]).Children.Cast<YamlScalarNode>().Single().Value);
        Assert.True(triggers.Children.ContainsKey(new YamlScalarNode("workflow_dispatch")));
        Assert.Equal("write", Scalar(Map(_workflow, "permissions"), "pages"));
        Assert.Equal("write", Scalar(Map(_workflow, "permissions"), "id-token"));
        Assert.NotNull(Scalar(Map(_workflow, "concurrency"), "group"));

        var actions = Steps("build").Concat(Steps("deploy")).Select(s => Scalar(s, "uses")).OfType<string>().ToList();
        Assert.Equal(["actions/checkout", "actions/setup-dotnet", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"], actions.Select(a => a.Split('@')[0]));
        Assert.All(actions, a => Assert.Matches(@"@v\d+$", a));
        Assert.Equal("global.json", Scalar(Map(Steps("build").Single(s => Scalar(s, "uses")?.StartsWith("actions/setup-dotnet", StringComparison.Ordinal) == true), "with"), "global-json-file"));
        Assert.Equal("${{ steps.pages.outputs.base_url }}", Scalar(Map(Step("Export"), "env"), "BASE_URL"));
    }

    [Fact]
    public void Its_build_and_export_steps_write_the_site_for_its_pages_address_where_the_upload_step_takes_it()
    {
        var environment = new Dictionary<string, string> { ["RUNNER_TEMP"] = _runnerTemp };
        foreach (var (name, value) in Map(Step("Export"), "env").Children)
        {
            environment[((YamlScalarNode)name).Value!] = Evaluate(((YamlScalarNode)value).Value!);
        }

        foreach (var step in new[] { "Build", "Export" })
        {
            var (exitCode, output) = RunStep(Scalar(Step(step), "run")!, environment);
            Assert.True(exitCode == 0, $"the {step} step exited with {exitCode}:\n{output}");
        }

        var uploaded = Evaluate(Scalar(Map(Steps("build").Single(s => Scalar(s, "uses")?.StartsWith("actions/upload-pages-artifact", StringComparison.Ordinal) == true), "with"), "path")!);
        Assert.True(File.Exists(Path.Combine(uploaded, "index.html")), $"no site in {uploaded}");
        Assert.True(File.Exists(Path.Combine(uploaded, ".nojekyll")));
        Assert.True(File.Exists(Path.Combine(uploaded, "404.html")));
        var home = File.ReadAllText(Path.Combine(uploaded, "index.html"));
        Assert.Contains($"<link rel=\"canonical\" href=\"{PagesAddress}/\">", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/portfolio/credentials\"", home, StringComparison.Ordinal);
    }

    /// <summary>A run: step as GitHub runs it on Linux (bash -e), from the checkout.</summary>
    private static (int ExitCode, string Output) RunStep(string script, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TempContent.RepositoryRoot };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{script}' did not finish within ten minutes");
        }

        return (process.ExitCode, error.Result + output.Result);
    }
}
