using System.CommandLine;

namespace Portfolio.Web.Commands;

/// <summary>`health`: asks the running site's /healthz, for the container's HEALTHCHECK.</summary>
internal static class HealthCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url")
        {
            HelpName = "URL",
            Description = "The address to ask [default: /healthz on 127.0.0.1 and the first port of ASPNETCORE_HTTP_PORTS, or 8080]",
        };
        var command = new Command("health", "Exit 0 when the running site reports healthy, 1 when not.") { url };
        command.SetAction((result, cancellationToken) => CheckAsync(result.GetValue(url) ?? DefaultUrl(), cancellationToken));
        return command;
    }

    /// <summary>The port comes from ASPNETCORE_HTTP_PORTS, as in the container.</summary>
    private static string DefaultUrl()
    {
        var port = (Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS") ?? "8080").Split(';', ',')[0];
        return $"http://127.0.0.1:{port}/healthz";
    }

    private static async Task<int> CheckAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            using var response = await client.GetAsync(new Uri(url), cancellationToken);
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            await Console.Error.WriteLineAsync($"unhealthy: {ex.Message}");
            return 1;
        }
    }
}
