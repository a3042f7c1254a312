using Microsoft.Extensions.Options;
using Portfolio.Web.Infrastructure;

namespace Portfolio.Web.Commands;

/// <summary>The settings a command works with: the site's own (appsettings, environment), the command's options on top, checked as at the site's start.</summary>
internal static class CommandSettings
{
    public static PortfolioOptions Read(Action<PortfolioOptions> applyOptions)
    {
        var services = PortfolioCommandLine.CreateSiteBuilder([]).Services;
        services.AddPortfolioOptions().PostConfigure(applyOptions);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<PortfolioOptions>>().Value;
    }
}
