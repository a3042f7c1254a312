using Portfolio.Web.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Portfolio.Web.Tests;

/// <summary>The site over a private copy of the repository's content (its seeds unless told otherwise) and its own database file.</summary>
public sealed class PortfolioFactory(TempContent folder) : WebApplicationFactory<Program>
{
    public PortfolioFactory()
        : this(TempContent.WithSeedContent())
    {
    }

    public TempContent Folder { get; } = folder;

    /// <summary>The clock the site reads (credential states depend on the day); the system clock when null.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Settings to apply on top of the defaults, such as Portfolio:IncludeDrafts.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>A client for the site once its first import has finished.</summary>
    public HttpClient CreateReadyClient(WebApplicationFactoryClientOptions? options = null)
    {
        var client = CreateClient(options ?? new WebApplicationFactoryClientOptions());
        Assert.True(Services.GetRequiredService<ContentState>().FirstImport.Wait(TimeSpan.FromSeconds(30)), "the first import did not finish");
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Portfolio:ContentPath", Folder.Content);
        builder.UseSetting("Portfolio:DatabasePath", Folder.Database);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        if (Clock is { } clock)
        {
            builder.ConfigureServices(services => services.AddSingleton(clock));
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Folder.Dispose();
        }
    }
}
