using Portfolio.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
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
