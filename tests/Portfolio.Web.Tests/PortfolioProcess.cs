using System.Diagnostics;

namespace Portfolio.Web.Tests;

/// <summary>The built Portfolio.Web run as its own process, as the owner runs its commands.</summary>
public static class PortfolioProcess
{
    public static (int ExitCode, string Output, string Error) Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
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
        Assert.True(process.WaitForExit(120_000), $"'{string.Join(' ', arguments)}' did not finish within two minutes");
        return (process.ExitCode, output.Result, error.Result);
    }

    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) =>
        Run(new Dictionary<string, string>(), arguments);
}
