namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>The `validate` and `import` commands, run as the real program in its own process.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempContent _folder = TempContent.WithRepositoryContent();

    public void Dispose() => _folder.Dispose();

    private static (int ExitCode, string[] Lines) Run(params string[] arguments) => RunWith([], arguments);

    private static (int ExitCode, string[] Lines) RunWith(Dictionary<string, string> environment, params string[] arguments)
    {
        var (exitCode, output, error) = PortfolioProcess.Run(environment, arguments);
        Assert.Matches(@"^(validate|import) took \d+ ms, \d+ files parsed\r?\n$", error);
        return (exitCode, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
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
        var (exitCode, _, error) = PortfolioProcess.Run("frobnicate");

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown command 'frobnicate'", error);
        Assert.Contains("validate [--content DIR]", error);
    }
}
