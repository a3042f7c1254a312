using Portfolio.Web.ViewModels;
using System.Net;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>Changes in the content folder reach the site while it runs, and requests during a reload never fail.</summary>
public sealed class LiveReloadTests : IDisposable
{
    private const string Specialty = "certifications/aws-certified-machine-learning-specialty.md";
    private readonly PortfolioFactory _factory = new();
    private readonly HttpClient _client;

    public LiveReloadTests()
    {
        _factory.Settings["Portfolio:DebounceMilliseconds"] = "100";
        _factory.Settings["Portfolio:ContentStatusPage"] = "true";
        _client = _factory.CreateReadyClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private string ReadContent(string path) => File.ReadAllText(Path.Combine(_factory.Folder.Content, path));

    /// <summary>Polls until the condition holds; the watcher is debounced, so a change takes a moment.</summary>
    internal static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"within 15 s: {what}");
    }

    private async Task<(HttpStatusCode Status, string Html)> Get(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_edit_shows_on_the_page_without_a_restart()
    {
        const string Url = "/guides/aws-machine-learning-engineering/module-1";
        Assert.Contains("The Essence of Machine Learning", (await Get(Url)).Html);

        _factory.Folder.Write("guides/aws-machine-learning-engineering.md",
            ReadContent("guides/aws-machine-learning-engineering.md").Replace("## The Essence of Machine Learning", "## The Heart of Machine Learning", StringComparison.Ordinal));

        await Eventually(async () => (await Get(Url)).Html.Contains("The Heart of Machine Learning", StringComparison.Ordinal), "the edited heading is served");
    }

    [Fact]
    public async Task Added_renamed_and_deleted_files_are_picked_up()
    {
        _factory.Folder.Write("certifications/new-cert.md", "---\ntitle: A New Certification\ndate: 2025-05-05\ntags: [aws]\n---\n\nJust earned.\n");
        await Eventually(async () => (await Get("/certifications/new-cert")).Status == HttpStatusCode.OK, "the added file is served");
        Assert.Contains("A New Certification", (await Get("/credentials?tag=aws")).Html);

        File.Move(Path.Combine(_factory.Folder.Content, "certifications/new-cert.md"), Path.Combine(_factory.Folder.Content, "certifications/renamed-cert.md"));
        await Eventually(async () => (await Get("/certifications/renamed-cert")).Status == HttpStatusCode.OK, "the renamed file is served");
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/certifications/new-cert")).Status);

        File.Delete(Path.Combine(_factory.Folder.Content, "certifications/renamed-cert.md"));
        await Eventually(async () => (await Get("/certifications/renamed-cert")).Status == HttpStatusCode.NotFound, "the deleted file is gone");
        Assert.DoesNotContain("A New Certification", (await Get("/credentials")).Html);
    }

    [Fact]
    public async Task A_broken_edit_keeps_the_last_good_version_and_shows_the_error_with_its_line()
    {
        _factory.Folder.Write(Specialty, ReadContent(Specialty)
            .Replace("title: \"AWS Certified Machine Learning - Specialty\"", "title: \"Broken Edit\"", StringComparison.Ordinal)
            .Replace("date: \"2024-03-05\"", "date: \"in the spring\"", StringComparison.Ordinal));

        await Eventually(async () => (await Get("/status/content")).Html.Contains($"{Specialty}:3:7", StringComparison.Ordinal), "the error is on the status page");
        var status = (await Get("/status/content")).Html;
        Assert.Contains("&#x27;date&#x27; must be a date like 2024-03-05", status);
        var page = await Get("/certifications/aws-certified-machine-learning-specialty");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("AWS Certified Machine Learning - Specialty", page.Html);
        Assert.DoesNotContain("Broken Edit", page.Html);
    }

    [Fact]
    public async Task Requests_during_reloads_never_fail()
    {
        string[] urls =
        [
            "/", "/credentials?tag=aws&tag=machine-learning", "/programs/aws-machine-learning-engineer-nanodegree",
            "/programs/aws-machine-learning-engineer-nanodegree/capstones/computer-vision-pipeline",
            "/certifications/aws-certified-machine-learning-specialty", "/guides/aws-machine-learning-engineering",
            "/guides/aws-machine-learning-engineering/module-2", "/tags/aws", "/healthz",
        ];
        var original = ReadContent(Specialty);
        var state = (Portfolio.Web.Services.ContentState)_factory.Services.GetService(typeof(Portfolio.Web.Services.ContentState))!;
        var importsBefore = state.Imports;
        using var stop = new CancellationTokenSource();
        var edits = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                _factory.Folder.Write(Specialty, original.Replace("## Practical Applications", $"## Practical Applications {i}", StringComparison.Ordinal));
                _factory.Folder.Write($"certifications/extra-{i % 3}.md", $"---\ntitle: Extra {i}\ndate: 2025-01-0{1 + (i % 9)}\ntags: [aws]\n---\nText {i}\n");
                await Task.Delay(60);
            }
        });

        var failures = new List<string>();
        var requests = 0;
        var until = DateTime.UtcNow.AddSeconds(4);
        while (DateTime.UtcNow < until)
        {
            var batch = await Task.WhenAll(urls.Select(async url => (url, (await Get(url)).Status)));
            requests += batch.Length;
            failures.AddRange(batch.Where(r => r.Status != HttpStatusCode.OK).Select(r => $"{r.url}: {(int)r.Status}"));
        }

        await stop.CancelAsync();
        await edits;
        Assert.True(requests > 100, $"only {requests} requests");
        Assert.True(state.Imports - importsBefore >= 3, $"only {state.Imports - importsBefore} reloads happened during the requests");
        Assert.Empty(failures);
    }
}
