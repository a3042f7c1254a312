using Portfolio.Web.Infrastructure;

// The content root is where the app's files are (appsettings, the static asset manifest), wherever it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (CommandLine.TryRun(args, builder.Configuration, Environment.CurrentDirectory, Console.Out, Console.Error) is int exitCode)
{
    return exitCode;
}

builder.AddPortfolio();
var app = builder.Build();
app.UsePortfolio();
await app.RunAsync();
return 0;
public partial class Program;
