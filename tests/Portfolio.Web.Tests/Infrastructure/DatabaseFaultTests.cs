using Portfolio.Web.ViewModels;
using Portfolio.Web.Services;
using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>
/// The database file deleted or damaged while the site runs: no request gets a 500, the site logs what happened and
/// builds the file again from the content folder, and everything is back; a damaged file found at start-up is rebuilt too.
/// </summary>
public sealed class DatabaseFaultTests : IDisposable
{
    private readonly PortfolioFactory _factory = new();
    private readonly LogCollector _logs = new();

    public DatabaseFaultTests()
    {
        _factory.Settings["Portfolio:DatabaseCheckSeconds"] = "1";
        _factory.Settings["Portfolio:SearchRequestsPerMinute"] = "0";
    }

    public void Dispose() => _factory.Dispose();

    private (WebApplicationFactory<Program> Site, HttpClient Client) Start()
    {
        var site = _factory.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(_logs)));
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.True(site.Services.GetRequiredService<ContentState>().FirstImport.Wait(TimeSpan.FromSeconds(30)));
        return (site, client);
    }

    /// <summary>
    /// Requests that read the database every time (each search text is a new cache key), until the site is healthy and
    /// the file on disk is sound again; every answer meanwhile is a 200 or a 503 with Retry-After, never a failure.
    /// </summary>
    private static async Task RequestUntilRecovered(HttpClient client, string database)
    {
        var statuses = new List<HttpStatusCode>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        for (var i = 0; DateTime.UtcNow < deadline; i++)
        {
            foreach (var url in new[] { $"/search?q=sagemaker{new string('+', i % 200)}", $"/api/entries?q=aws{new string('+', i % 200)}", "/healthz", "/tags/aws", "/guides/aws-machine-learning-engineering/module-2" })
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && url != "/healthz")
                {
                    Assert.NotNull(response.Headers.RetryAfter);
                    Assert.Contains("try again in a few seconds", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                }
            }

            using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            var root = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
            if (root.GetProperty("status").GetString() == "healthy" && IsSound(database))
            {
                Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"status {(int)s}"));
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the site did not recover within 30 s; statuses: " + string.Join(", ", statuses.Distinct()));
    }

    /// <summary>The file on disk passes SQLite's own check, read through a connection outside every pool.</summary>
    private static bool IsSound(string database)
    {
        if (Portfolio.Content.Data.PortfolioDatabase.ProblemWith(database) is not null)
        {
            return false;
        }

        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check";
            return command.ExecuteScalar() as string == "ok";
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private static async Task AssertEverythingIsBack(HttpClient client)
    {
        using var search = await client.GetAsync(new Uri("/search?q=sagemaker+training", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.Contains("<mark>SageMaker</mark>", await search.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var module = await client.GetAsync(new Uri("/guides/aws-machine-learning-engineering/module-1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, module.StatusCode);
        Assert.Contains("<h2 id=", await module.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_file_is_built_again_without_a_failed_request()
    {
        var (site, client) = Start();
        using (site)
        using (client)
        {
            await AssertEverythingIsBack(client);

            File.Delete(_factory.Folder.Database);
            await RequestUntilRecovered(client, _factory.Folder.Database);

            await AssertEverythingIsBack(client);
            // Found by the periodic check ("it was deleted") or by a request that could not open it, whichever came first.
            Assert.Contains(_logs.Messages, m => m.Contains("cannot serve:", StringComparison.Ordinal));
            Assert.Contains(_logs.Messages, m => m.Contains("Database rebuilt", StringComparison.Ordinal));
            using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            var rebuild = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("lastDatabaseRebuild");
            Assert.Contains("built again from the content folder", rebuild.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_file_overwritten_with_garbage_is_built_again_without_a_failed_request()
    {
        var (site, client) = Start();
        using (site)
        using (client)
        {
            await AssertEverythingIsBack(client);

            var length = (int)new FileInfo(_factory.Folder.Database).Length;
            using (var file = new FileStream(_factory.Folder.Database, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
            {
                file.Write([.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 + 7))]);
            }

            // Requests go on being answered, from the cache, from the pages open connections hold and from the write-ahead
            // log; the file is then either rebuilt (the check or a request found the damage) or written whole again by
            // SQLite's own checkpoint from the log, which holds every page of the last import. Either way it ends sound.

            await RequestUntilRecovered(client, _factory.Folder.Database);

            await AssertEverythingIsBack(client);
        }
    }

    [Fact]
    public async Task A_request_that_meets_a_damaged_file_gets_a_503_and_starts_the_rebuild()
    {
        // No periodic check: only the failing request can notice the damage.
        _factory.Settings["Portfolio:DatabaseCheckSeconds"] = "0";
        var (site, client) = Start();
        using (site)
        using (client)
        {
            await AssertEverythingIsBack(client);
            SqliteConnection.ClearAllPools();
            File.WriteAllText(_factory.Folder.Database, "not a database any more");

            using var failed = await client.GetAsync(new Uri("/search?q=forecasting", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(5), failed.Headers.RetryAfter?.Delta);
            var page = await failed.Content.ReadAsStringAsync();
            Assert.Contains("Back in a moment", page, StringComparison.Ordinal);
            Assert.DoesNotContain("SQLite", page, StringComparison.OrdinalIgnoreCase);
            await RequestUntilRecovered(client, _factory.Folder.Database);
            await AssertEverythingIsBack(client);
            Assert.Contains(_logs.Messages, m => m.Contains("reading it failed", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_file_damaged_while_the_site_was_stopped_is_rebuilt_at_start()
    {
        var (site, client) = Start();
        using (site)
        using (client)
        {
            await AssertEverythingIsBack(client);
        }

        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(_factory.Folder.Database);
        File.WriteAllBytes(_factory.Folder.Database, bytes[..(bytes.Length / 3)]);

        var (again, againClient) = Start();
        using (again)
        using (againClient)
        {
            using var health = await againClient.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(13, JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("totalEntries").GetInt32());
            await AssertEverythingIsBack(againClient);
        }
    }

    private sealed class LogCollector : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCollector collector) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                collector.Messages.Enqueue(formatter(state, exception));
        }
    }
}
