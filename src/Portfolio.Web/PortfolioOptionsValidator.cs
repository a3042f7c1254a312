using System.Net;
using Microsoft.Extensions.Options;
using Portfolio.Content.Text;

namespace Portfolio.Web;

/// <summary>Refuses settings the site cannot work with, each named as it is written in appsettings, so that the start stops with the reason.</summary>
public sealed class PortfolioOptionsValidator : IValidateOptions<PortfolioOptions>
{
    /// <summary>The largest file limit allowed: a file is read into memory whole.</summary>
    public const int MaxFileMegabytes = 1024;

    /// <summary>The longest renewal window allowed: ten years, longer than any credential is valid.</summary>
    public const int MaxRenewalWindowDays = 3650;

    public ValidateOptionsResult Validate(string? name, PortfolioOptions options)
    {
        var failures = new List<string>();
        Required(options.ContentPath, nameof(PortfolioOptions.ContentPath), failures);
        Required(options.DatabasePath, nameof(PortfolioOptions.DatabasePath), failures);
        NotNegative(options.DebounceMilliseconds, nameof(PortfolioOptions.DebounceMilliseconds), failures);
        NotNegative(options.PollSeconds, nameof(PortfolioOptions.PollSeconds), failures);
        NotNegative(options.DatabaseCheckSeconds, nameof(PortfolioOptions.DatabaseCheckSeconds), failures);
        NotNegative(options.SearchRequestsPerMinute, nameof(PortfolioOptions.SearchRequestsPerMinute), failures);
        if (options.MaxFileMegabytes is < 1 or > MaxFileMegabytes)
        {
            failures.Add($"{Setting(nameof(PortfolioOptions.MaxFileMegabytes))} must be from 1 to {MaxFileMegabytes}; got {options.MaxFileMegabytes}");
        }

        if (options.RenewalWindowDays is < 1 or > MaxRenewalWindowDays)
        {
            failures.Add($"{Setting(nameof(PortfolioOptions.RenewalWindowDays))} must be from 1 to {MaxRenewalWindowDays} days; got {options.RenewalWindowDays}");
        }

        if (!string.IsNullOrWhiteSpace(options.PublicBaseUrl) && !WebAddress.Is(options.PublicBaseUrl))
        {
            failures.Add($"{Setting(nameof(PortfolioOptions.PublicBaseUrl))} must be an absolute http or https address such as https://example.com; got '{options.PublicBaseUrl}'");
        }

        for (var i = 0; i < options.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.KnownProxies[i], out _))
            {
                failures.Add($"{Setting(nameof(PortfolioOptions.KnownProxies))}:{i} must be an IP address; got '{options.KnownProxies[i]}'");
            }
        }

        for (var i = 0; i < options.KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.KnownNetworks[i], out _))
            {
                failures.Add($"{Setting(nameof(PortfolioOptions.KnownNetworks))}:{i} must be a network as address/prefix length, such as 172.16.0.0/12; got '{options.KnownNetworks[i]}'");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Setting(string property) => $"{PortfolioOptions.Section}:{property}";

    private static void Required(string? value, string property, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Setting(property)} must not be empty");
        }
    }

    private static void NotNegative(int value, string property, List<string> failures)
    {
        if (value < 0)
        {
            failures.Add($"{Setting(property)} must be 0 or more; got {value}");
        }
    }
}
