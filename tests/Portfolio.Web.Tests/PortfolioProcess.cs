using System.Diagnostics;

namespace Portfolio.Web.Tests;

/// <summary>The built Portfolio.Web run as its own process, as the owner runs its commands.</summary>
public static class PortfolioProcess
{
    public static (int ExitCode, string Output, string Error) Run(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Start(environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{string.Join(' ', arguments)}' did not finish within two minutes");
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    public static (int ExitCode, string Output, string Error) Run(params string[] arguments) =>
        Run(new Dictionary<string, string>(), arguments);

    /// <summary>Starts the program with its output and errors redirected, for a test that reads them or serves from it.</summary>
    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
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

        return Process.Start(start)!;
    }
}
