using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portfolio.Web.Tests;

/// <summary>The site over a private copy of the repository's content and its own database file.</summary>
public sealed class PortfolioFactory : WebApplicationFactory<Program>
{
    public TempContent Folder { get; } = TempContent.WithRepositoryContent();

    /// <summary>Settings to apply on top of the defaults, such as Portfolio:IncludeDrafts.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Portfolio:ContentPath", Folder.Content);
        builder.UseSetting("Portfolio:DatabasePath", Folder.Database);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
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
