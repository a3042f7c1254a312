using System.CommandLine;
using Portfolio.Content.Data;
using Portfolio.Content.Import;

namespace Portfolio.Web.Commands;

/// <summary>`validate` and `import`: print every problem and a summary; exit 0 without errors and 1 with.</summary>
internal static class ContentCommands
{
    public static Command Validate()
    {
        var content = ContentOption();
        var command = new Command("validate", "Check the content and print every problem; writes nothing.") { content };
        command.SetAction(result =>
        {
            var options = CommandSettings.Read(options => options.ContentPath = result.GetValue(content) ?? options.ContentPath);
            var locations = ContentLocations.Resolve(options, Environment.CurrentDirectory);
            return Report("validate", new ContentImporter(TimeProvider.System, options.MaxFileMegabytes).Validate(locations.ContentPath));
        });
        return command;
    }

    public static Command Import()
    {
        var content = ContentOption();
        var database = new Option<string>("--database")
        {
            HelpName = "FILE",
            Description = "The SQLite file to build [default: the Portfolio:DatabasePath setting]",
        };
        var command = new Command("import", "Build the database from the content and print every problem.") { content, database };
        command.SetAction(result =>
        {
            var options = CommandSettings.Read(options =>
            {
                options.ContentPath = result.GetValue(content) ?? options.ContentPath;
                options.DatabasePath = result.GetValue(database) ?? options.DatabasePath;
            });
            var locations = ContentLocations.Resolve(options, Environment.CurrentDirectory);
            var report = new ContentImporter(TimeProvider.System, options.MaxFileMegabytes).Import(locations.ContentPath, PortfolioDatabase.Options(locations.DatabasePath));
            return Report("import", report);
        });
        return command;
    }

    /// <summary>The content folder option, which export takes too.</summary>
    internal static Option<string> ContentOption() => new("--content")
    {
        HelpName = "DIR",
        Description = "The content folder [default: the Portfolio:ContentPath setting]",
    };

    private static int Report(string command, ImportReport report)
    {
        report.WriteTo(Console.Out);
        Console.Error.WriteLine($"{command} took {report.Duration.TotalMilliseconds:F0} ms, {report.ParsedFiles} files parsed");
        return report.Errors == 0 ? 0 : 1;
    }
}
