using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Portfolio.Browser.Tests;

/// <summary>What only a real Kestrel port shows: HEAD without a body, NUL in a path, a request line too long.</summary>
[Collection(SiteCollection.Name)]
public sealed class KestrelTests(SiteServer site)
{
    [Fact]
    public async Task Head_answers_200_without_a_body()
    {
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(site.BaseUrl + "/programs/aws-machine-learning-engineer-nanodegree"));
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/programs/%00", 400)]
    [InlineData("/search?q=%C3%28", 400)]
    public async Task Raw_requests_that_cannot_be_read_get_a_4xx(string target, int status)
    {
        Assert.Equal(status, await RawStatusAsync($"GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    }

    [Fact]
    public async Task A_100_kilobyte_query_string_gets_a_4xx_not_a_500()
    {
        var status = await RawStatusAsync($"GET /?q={new string('a', 100_000)} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.InRange(status, 400, 499);
    }

    private async Task<int> RawStatusAsync(string request)
    {
        var uri = new Uri(site.BaseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync() ?? "";
        return int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
