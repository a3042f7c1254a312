using System.Diagnostics;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>The `validate` and `import` commands, run as the real program in its own process.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempContent _folder = TempContent.WithRepositoryContent();

    public void Dispose() => _folder.Dispose();

    private static (int ExitCode, string[] Lines) Run(params string[] arguments) => RunWith([], arguments);

    private static (int ExitCode, string[] Lines) RunWith(Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portfolio.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "the command did not finish within a minute");
        Assert.Matches(@"^(validate|import) took \d+ ms, \d+ files parsed\r?\n$", error.Result);
        return (process.ExitCode, output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Validate_prints_every_problem_and_a_summary_and_exits_0_without_errors()
    {
        var (exitCode, lines) = Run("validate", "--content", _folder.Content);

        Assert.Equal(0, exitCode);
        Assert.Equal("12 files, 13 entries, 0 errors, 8 warnings", lines[^1]);
        Assert.Equal(8, lines.Length - 1);
        Assert.All(lines[..^1], line => Assert.Matches(@"^programs/aws-machine-learning-engineer-nanodegree/course-notes\.md:\d+:\d+: warning: ", line));
        Assert.False(File.Exists(_folder.Database));
    }

    [Fact]
    public void Validate_exits_1_when_a_file_has_errors()
    {
        _folder.Write("certifications/broken.md", "---\ntitle: Broken\ntags:\n  a: b\n---\n");

        var (exitCode, lines) = Run("validate", "--content", _folder.Content);

        Assert.Equal(1, exitCode);
        Assert.Contains("certifications/broken.md:4:3: error: 'tags' must be a list of tag names or a comma-separated text; got a mapping", lines);
        Assert.Equal("13 files, 13 entries, 1 errors, 8 warnings", lines[^1]);
    }

    [Fact]
    public void Import_builds_the_database_file_and_reports_the_same_way()
    {
        var (exitCode, lines) = Run("import", "--content", _folder.Content, "--database", _folder.Database);

        Assert.Equal(0, exitCode);
        Assert.Equal("12 files, 13 entries, 0 errors, 8 warnings", lines[^1]);
        Assert.True(new FileInfo(_folder.Database).Length > 0);
    }

    [Fact]
    public void Paths_come_from_the_environment_when_no_option_is_given()
    {
        var environment = new Dictionary<string, string>
        {
            ["Portfolio__ContentPath"] = _folder.Content,
            ["Portfolio__DatabasePath"] = _folder.Database,
        };

        var (exitCode, lines) = RunWith(environment, "import");

        Assert.Equal(0, exitCode);
        Assert.Equal("12 files, 13 entries, 0 errors, 8 warnings", lines[^1]);
        Assert.True(File.Exists(_folder.Database));
    }

    [Fact]
    public void An_unknown_command_is_refused_with_usage()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portfolio.Web.dll"));
        start.ArgumentList.Add("frobnicate");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("unknown command 'frobnicate'", error);
        Assert.Contains("validate [--content DIR]", error);
    }
}
