using System.CommandLine;
using Portfolio.Content.Text;
using Portfolio.Web.Infrastructure;

namespace Portfolio.Web.Commands;

/// <summary>`export DIR`: the whole site as static files (see <see cref="StaticExporter"/>).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("DIR") { Description = "The folder to write: a new or empty one, or one an earlier export wrote" };
        var content = ContentCommands.ContentOption();
        var baseUrl = new Option<string>("--base-url")
        {
            HelpName = "URL",
            Description = "The public address, for canonical links, the feed and the sitemap [default: the Portfolio:PublicBaseUrl setting]",
        };
        baseUrl.Validators.Add(result =>
        {
            if (result.GetValue(baseUrl) is { } value && !WebAddress.Is(value))
            {
                result.AddError($"--base-url must be an absolute http or https address such as https://you.example.com; got '{value}'");
            }
        });
        var command = new Command("export", "Write the whole site as static files into a folder.") { folder, content, baseUrl };
        command.SetAction((result, _) =>
        {
            var options = CommandSettings.Read(options =>
            {
                options.ContentPath = result.GetValue(content) ?? options.ContentPath;
                options.PublicBaseUrl = result.GetValue(baseUrl) ?? options.PublicBaseUrl;
            });
            var locations = ContentLocations.Resolve(options, Environment.CurrentDirectory);
            var output = Path.GetFullPath(result.GetRequiredValue(folder), Environment.CurrentDirectory);
            return StaticExporter.RunAsync(output, locations, options.PublicBaseUrl, Console.Out, Console.Error);
        });
        return command;
    }
}
