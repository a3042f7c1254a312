using System.ComponentModel;
using System.Diagnostics;

namespace Portfolio.Web.Tests.Outbound;

/// <summary>The JSON Resume schema check: npm's @jsonresume/schema 1.3.1 (scripts/test.sh installs it into artifacts/tools) run by node.</summary>
internal static class JsonResumeSchema
{
    public const string InstallCommand = "npm install --prefix artifacts/tools --no-save vnu-jar@26.9.27 @jsonresume/schema@1.3.1 (scripts/test.sh runs it)";

    private static string Package => Path.Combine(TempContent.RepositoryRoot, "artifacts", "tools", "node_modules", "@jsonresume", "schema");

    private static string Script => Path.Combine(TempContent.RepositoryRoot, "tests", "Portfolio.Web.Tests", "Outbound", "validate-resume.cjs");

    /// <summary>Whether the schema's validate accepts the JSON, and what it said.</summary>
    public static async Task<(bool Valid, string Report)> ValidateAsync(string json)
    {
        Assert.True(File.Exists(Path.Combine(Package, "validator.js")), $"the JSON Resume schema is not installed at {Package}; install it with: {InstallCommand}");
        var start = new ProcessStartInfo("node") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(Package);
        Process node;
        try
        {
            node = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"node, which runs the JSON Resume schema check, could not be started: {ex.Message}");
            throw;
        }

        using (node)
        {
            await node.StandardInput.WriteAsync(json);
            node.StandardInput.Close();
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = await node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            return (node.ExitCode == 0, errors + await output);
        }
    }
}
