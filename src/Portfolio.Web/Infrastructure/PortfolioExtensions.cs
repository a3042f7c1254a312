using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Portfolio.Content.Data;
using Portfolio.Content.Import;
using Portfolio.Web.Services;
using Portfolio.Web.Services.Pages;

namespace Portfolio.Web.Infrastructure;

/// <summary>All of the site's wiring, so that Program.cs stays a few lines.</summary>
public static class PortfolioExtensions
{
    public static WebApplicationBuilder AddPortfolio(this WebApplicationBuilder builder)
    {
        // Running from a build (not a publish) in any environment, the assets live beside the project: the build's
        // manifest says where. In a published app there is no such manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddPortfolioOptions();
        // The exporter registers the static copy before this.
        services.TryAddSingleton(RenderingMode.LiveSite);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => ContentLocations.Resolve(sp.GetRequiredService<IOptions<PortfolioOptions>>().Value, Environment.CurrentDirectory));
        services.AddSingleton(sp => new ContentImporter(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<PortfolioOptions>>().Value.MaxFileMegabytes));
        services.AddSingleton<ContentState>();
        services.AddSingleton<DatabaseFaults>();
        services.AddSingleton<ContentImportService>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentImportService>());
        services.AddDbContextFactory<PortfolioDbContext>((sp, options) =>
            options.UseSqlite(SiteConnectionString(sp.GetRequiredService<ContentLocations>())));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortfolioDbContext>>().CreateDbContext());
        services.AddSingleton<ContentIndexProvider>();
        services.AddSingleton<CredentialClock>();
        services.AddScoped<EntryBodies>();
        services.AddScoped<HomePages>();
        services.AddScoped<CredentialPages>();
        services.AddScoped<ListPages>();
        services.AddScoped<ProgramPages>();
        services.AddScoped<CertificationPages>();
        services.AddScoped<BadgePages>();
        services.AddScoped<GuidePages>();
        services.AddScoped<TagPages>();
        services.AddScoped<ProfilePages>();
        services.AddScoped<SearchPages>();
        services.AddScoped<StaticSearchIndex>();
        services.AddScoped<Services.Outbound.ResumeBuilder>();
        services.AddHttpContextAccessor();
        services.AddScoped<SiteAddress>();
        services.AddPortfolioCaching();
        services.AddPortfolioSecurity();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        services.AddRequestGuards();
        services.AddExceptionHandler<DatabaseFaultHandler>();
        services.AddControllersWithViews(mvc => mvc.Conventions.Add(new HeadAlongsideGet()));
        return builder;
    }

    /// <summary>
    /// The one registration of the settings, for the site and the commands alike: bound from "Portfolio", checked by
    /// <see cref="PortfolioOptionsValidator"/> when first read and at the latest when the site starts.
    /// </summary>
    public static IServiceCollection AddPortfolioOptions(this IServiceCollection services)
    {
        services.AddOptions<PortfolioOptions>().BindConfiguration(PortfolioOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PortfolioOptions>, PortfolioOptionsValidator>());
        return services;
    }

    /// <summary>
    /// ReadWrite without Create: requests never create the file; a file deleted under the site fails to open (and is
    /// built again by the import service) rather than reappearing empty.
    /// </summary>
    private static string SiteConnectionString(ContentLocations locations) =>
        new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = locations.DatabasePath, Mode = Microsoft.Data.Sqlite.SqliteOpenMode.ReadWrite }.ToString();

    public static WebApplication UsePortfolio(this WebApplication app)
    {
        app.UsePortfolioSecurity();
        // A site published under a path (https://owner.github.io/portfolio/) answers under it; everything after sees
        // site paths, and links are written under the PathBase (SitePaths).
        var pathBase = SiteAddress.PathBaseOf(app.Services.GetRequiredService<IOptions<PortfolioOptions>>().Value.PublicBaseUrl);
        if (pathBase.HasValue)
        {
            app.UsePathBase(pathBase);
        }

        app.UseRequestGuards();
        app.UseSearchRateLimit();
        // A page in the page cache is answered here, before routing and the rest: most requests end at this line.
        app.UsePageCache();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error",
                StatusCodeSelector = DatabaseFaultHandler.StatusFor,
            });
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        // Inside the status code pages: an old address turns a not-found into a redirect before its error page is made.
        app.UseOldAddresses();
        app.UseContentMedia();
        app.UseRouting();
        // The site has no sign-in, but MVC registers authentication and authorization, and the framework would put their
        // middleware in front of everything, the page cache included: placed here, they run only for pages rendered.
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePortfolioCaching();
        // Fingerprinted, precompressed assets with long cache lifetimes, from the build's static asset manifest.
        app.MapStaticAssets();
        app.MapControllers().WithStaticAssets();
        return app;
    }
}
