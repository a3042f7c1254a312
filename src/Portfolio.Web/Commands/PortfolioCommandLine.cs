using System.CommandLine;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Options;
using Portfolio.Web.Infrastructure;

namespace Portfolio.Web.Commands;

/// <summary>
/// The program's command line: with no command it imports the content and serves the site, reading ASP.NET Core
/// settings from the arguments (--urls URL, --Portfolio:ContentPath=DIR); the commands check, import, export and ask
/// the running site. Help exits 0; a wrong command line or setting prints what is wrong and exits 2.
/// </summary>
public static class PortfolioCommandLine
{
    /// <summary>The arguments also reach ASP.NET Core's configuration as they are: no @file expansion here.</summary>
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    /// <summary>Errors and Ctrl+C belong to the host: the site stops gracefully, and test hosts see its exceptions.</summary>
    private static readonly InvocationConfiguration Invocation = new() { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };

    public static async Task<int> InvokeAsync(string[] args)
    {
        var result = Create().Parse(args, Parsing);
        if (result.Errors.Count > 0)
        {
            // The errors, then the usage of the command they are about, all on stderr.
            result.Invoke(new InvocationConfiguration { Output = Console.Error, Error = Console.Error });
            return 2;
        }

        try
        {
            return await result.InvokeAsync(Invocation);
        }
        catch (OptionsValidationException invalid)
        {
            foreach (var failure in invalid.Failures)
            {
                await Console.Error.WriteLineAsync($"invalid setting: {failure}");
            }

            return 2;
        }
    }

    private static RootCommand Create()
    {
        var settings = new Argument<string[]>("settings") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };
        var root = new RootCommand(
            "Portfolio, a learning-portfolio site. With no command, imports the content, then serves the site; ASP.NET Core "
            + "settings may follow, such as --urls http://localhost:5080 or --Portfolio:ContentPath=DIR.")
        {
            settings,
            ContentCommands.Validate(),
            ContentCommands.Import(),
            ExportCommand.Create(),
            HealthCommand.Create(),
        };
        settings.Validators.Add(CheckSettings);
        foreach (var command in root.Subcommands)
        {
            // Under a command only the command's own symbols are checked: it refuses the settings itself.
            command.Validators.Add(result =>
            {
                if (result.GetResult(settings) is { Tokens: [var first, ..] })
                {
                    result.AddError($"'{first.Value}' before the {command.Name} command: settings are read only when the site is served");
                }
            });
        }

        root.SetAction((result, _) => ServeAsync(result.GetValue(settings) ?? []));
        return root;
    }

    /// <summary>
    /// The site's builder, for serving it and for the commands' settings alike; its content root is where the app's
    /// files are (appsettings, the static asset manifest), wherever it is started from.
    /// </summary>
    internal static WebApplicationBuilder CreateSiteBuilder(string[] settings) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = settings, ContentRootPath = AppContext.BaseDirectory });

    private static async Task<int> ServeAsync(string[] settings)
    {
        var builder = CreateSiteBuilder(settings);
        builder.AddPortfolio();
        var app = builder.Build();
        app.UsePortfolio();
        await app.RunAsync();
        return 0;
    }

    /// <summary>
    /// Accepts what ASP.NET Core's command-line configuration reads as a setting (Key=value, --Key=value, /Key=value,
    /// --Key value); anything else is an unknown command or option.
    /// </summary>
    private static void CheckSettings(ArgumentResult result)
    {
        var tokens = result.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i].Value;
            if (token.StartsWith('-') && !token.StartsWith("--", StringComparison.Ordinal))
            {
                result.AddError($"unknown option '{token}'");
            }
            else if (token.StartsWith("--", StringComparison.Ordinal) && !token.Contains('=', StringComparison.Ordinal))
            {
                if (++i == tokens.Count)
                {
                    result.AddError($"unknown option '{token}', or a setting without its value");
                }
            }
            else if (!token.Contains('=', StringComparison.Ordinal))
            {
                result.AddError($"unknown command '{token}'");
            }
        }
    }
}
