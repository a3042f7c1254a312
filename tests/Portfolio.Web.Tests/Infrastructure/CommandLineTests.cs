namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>The command line (help, the commands, what it refuses), run as the real program in its own process.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempContent _folder = TempContent.WithSeedContent();

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
    public void Validate_reads_the_file_size_limit_from_its_setting_and_names_it()
    {
        _folder.Write("certifications/two-megabytes.md", "# Big\n\n" + new string('a', 2 * 1024 * 1024));

        var (exitCode, lines) = RunWith(new() { ["Portfolio__MaxFileMegabytes"] = "1" }, "validate", "--content", _folder.Content);

        Assert.Equal(1, exitCode);
        Assert.Contains("certifications/two-megabytes.md:1:1: error: the file is larger than 1 MB, the most the setting Portfolio:MaxFileMegabytes allows; split it into smaller documents or raise the setting", lines);
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

    /// <summary>The folder's paths as settings: a program that started the site would build this database.</summary>
    private Dictionary<string, string> Settings => new()
    {
        ["Portfolio__ContentPath"] = _folder.Content,
        ["Portfolio__DatabasePath"] = _folder.Database,
    };

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_lists_the_commands_and_exits_0_without_starting_the_site(string help)
    {
        var (exitCode, output, error) = PortfolioProcess.Run(Settings, help);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("Portfolio.Web [command] [options]", output);
        Assert.Matches(@"(?m)^  validate +Check the content", output);
        Assert.Matches(@"(?m)^  import +Build the database", output);
        Assert.Matches(@"(?m)^  export <DIR> +Write the whole site", output);
        Assert.Matches(@"(?m)^  health +Exit 0 when", output);
        Assert.False(Directory.Exists(Path.GetDirectoryName(_folder.Database)));
    }

    [Theory]
    [InlineData("validate", "--content <DIR>")]
    [InlineData("import", "--database <FILE>")]
    [InlineData("export", "--base-url <URL>")]
    [InlineData("health", "--url <URL>")]
    public void Help_on_a_command_prints_its_usage_and_runs_nothing(string command, string option)
    {
        var (exitCode, output, error) = PortfolioProcess.Run(Settings, command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains($"Portfolio.Web {command} ", output);
        Assert.Contains(option, output);
        Assert.DoesNotContain("Commands:", output);
        Assert.False(Directory.Exists(Path.GetDirectoryName(_folder.Database)));
    }

    [Fact]
    public void An_unknown_command_is_refused_with_usage()
    {
        var (exitCode, _, error) = PortfolioProcess.Run("frobnicate");

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown command 'frobnicate'", error);
        Assert.Contains("Portfolio.Web [command] [options]", error);
        Assert.Contains("validate", error);
    }

    [Theory]
    [InlineData("Portfolio.Web [command] [options]", "--frobnicate")]
    [InlineData("Portfolio.Web validate [options]", "validate", "--frobnicate")]
    [InlineData("Portfolio.Web import [options]", "import", "--frobnicate", "x")]
    public void An_unknown_option_is_refused_with_the_usage_of_its_command(string usage, params string[] arguments)
    {
        var (exitCode, output, error) = PortfolioProcess.Run(Settings, arguments);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("'--frobnicate'", error);
        Assert.Contains(usage, error);
        Assert.False(Directory.Exists(Path.GetDirectoryName(_folder.Database)));
    }

    [Fact]
    public void Export_without_its_folder_is_refused_with_its_usage()
    {
        var (exitCode, output, error) = PortfolioProcess.Run("export", "--content", _folder.Content);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("'export'", error);
        Assert.Contains("Portfolio.Web export <DIR> [options]", error);
    }

    [Fact]
    public void Settings_before_a_command_are_refused_rather_than_ignored()
    {
        var (exitCode, _, error) = PortfolioProcess.Run("--Portfolio:ContentPath=" + _folder.Content, "validate");

        Assert.Equal(2, exitCode);
        Assert.Contains("before the validate command", error);
    }

    [Fact]
    public void A_command_refuses_an_invalid_setting_and_names_it()
    {
        var environment = new Dictionary<string, string>(Settings) { ["Portfolio__PublicBaseUrl"] = "portfolio.example.com" };

        var (exitCode, output, error) = PortfolioProcess.Run(environment, "import");

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Contains("Portfolio:PublicBaseUrl must be an absolute http or https address", error);
        Assert.False(File.Exists(_folder.Database));
    }
}
