using System.Net;
using System.Net.Sockets;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>The program with no command, as the container, the benchmark and the browser tests start it: settings as arguments.</summary>
public sealed class SiteStartTests : IDisposable
{
    private readonly TempContent _folder = TempContent.WithRepositoryContent();

    public void Dispose() => _folder.Dispose();

    private static string FreeAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }

    [Fact]
    public async Task The_site_is_served_with_settings_given_as_arguments()
    {
        var address = FreeAddress();
        using var site = PortfolioProcess.Start(
            new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
            "--urls", address, "--Portfolio:ContentPath=" + _folder.Content, "--Portfolio:DatabasePath", _folder.Database);
        var log = site.StandardError.ReadToEndAsync();
        _ = site.StandardOutput.ReadToEndAsync();
        try
        {
            using var client = new HttpClient();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            HttpStatusCode? status = null;
            while (status != HttpStatusCode.OK && !site.HasExited && DateTime.UtcNow < deadline)
            {
                try
                {
                    using var response = await client.GetAsync(new Uri(address + "/healthz"));
                    status = response.StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(200);
                }
            }

            Assert.True(status == HttpStatusCode.OK, $"/healthz answered {status}; exited: {site.HasExited}");
            Assert.True(File.Exists(_folder.Database));
        }
        finally
        {
            if (!site.HasExited)
            {
                site.Kill(entireProcessTree: true);
            }

            await site.WaitForExitAsync();
            _ = await log;
        }
    }

    [Fact]
    public void An_invalid_setting_stops_the_start_and_names_the_setting()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Portfolio__DebounceMilliseconds"] = "-5",
        };

        var (exitCode, _, error) = PortfolioProcess.Run(
            environment, "--urls", FreeAddress(), "--Portfolio:ContentPath=" + _folder.Content, "--Portfolio:DatabasePath=" + _folder.Database);

        Assert.Equal(2, exitCode);
        Assert.Contains("Portfolio:DebounceMilliseconds must be 0 or more; got -5", error);
        Assert.False(File.Exists(_folder.Database));
    }
}
