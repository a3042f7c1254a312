using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portfolio.Web.Infrastructure;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>The settings as the site and the commands register them: what they refuse, and what is not a setting.</summary>
public sealed class PortfolioOptionsTests
{
    /// <summary>The settings read through the one registration, over the given configuration values.</summary>
    private static PortfolioOptions Read(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPortfolioOptions().BuildServiceProvider();
        return services.GetRequiredService<IOptions<PortfolioOptions>>().Value;
    }

    [Theory]
    [InlineData("DebounceMilliseconds", "-5", "Portfolio:DebounceMilliseconds must be 0 or more; got -5")]
    [InlineData("PollSeconds", "-1", "Portfolio:PollSeconds must be 0 or more; got -1")]
    [InlineData("DatabaseCheckSeconds", "-1", "Portfolio:DatabaseCheckSeconds must be 0 or more; got -1")]
    [InlineData("SearchRequestsPerMinute", "-120", "Portfolio:SearchRequestsPerMinute must be 0 or more; got -120")]
    [InlineData("PublicBaseUrl", "example.com", "Portfolio:PublicBaseUrl must be an absolute http or https address such as https://example.com; got 'example.com'")]
    [InlineData("PublicBaseUrl", "ftp://example.com", "Portfolio:PublicBaseUrl must be an absolute http or https address such as https://example.com; got 'ftp://example.com'")]
    [InlineData("KnownProxies:0", "proxy.local", "Portfolio:KnownProxies:0 must be an IP address; got 'proxy.local'")]
    [InlineData("KnownNetworks:0", "172.18.0.0", "Portfolio:KnownNetworks:0 must be a network as address/prefix length, such as 172.16.0.0/12; got '172.18.0.0'")]
    [InlineData("KnownNetworks:0", "10.0.0.0/33", "Portfolio:KnownNetworks:0 must be a network as address/prefix length, such as 172.16.0.0/12; got '10.0.0.0/33'")]
    [InlineData("MaxFileMegabytes", "0", "Portfolio:MaxFileMegabytes must be from 1 to 1024; got 0")]
    [InlineData("MaxFileMegabytes", "1025", "Portfolio:MaxFileMegabytes must be from 1 to 1024; got 1025")]
    [InlineData("RenewalWindowDays", "0", "Portfolio:RenewalWindowDays must be from 1 to 3650 days; got 0")]
    [InlineData("RenewalWindowDays", "3651", "Portfolio:RenewalWindowDays must be from 1 to 3650 days; got 3651")]
    [InlineData("ContentPath", "", "Portfolio:ContentPath must not be empty")]
    [InlineData("DatabasePath", " ", "Portfolio:DatabasePath must not be empty")]
    public void An_invalid_setting_is_refused_with_its_name(string key, string value, string failure)
    {
        var invalid = Assert.Throws<OptionsValidationException>(() => Read(new() { ["Portfolio:" + key] = value }));

        Assert.Equal([failure], invalid.Failures);
    }

    [Fact]
    public void Every_invalid_setting_is_named_at_once()
    {
        var invalid = Assert.Throws<OptionsValidationException>(() => Read(new()
        {
            ["Portfolio:PollSeconds"] = "-1",
            ["Portfolio:KnownProxies:0"] = "10.0.0.1",
            ["Portfolio:KnownProxies:1"] = "nope",
        }));

        Assert.Equal(["Portfolio:PollSeconds must be 0 or more; got -1", "Portfolio:KnownProxies:1 must be an IP address; got 'nope'"], invalid.Failures);
    }

    [Fact]
    public void The_defaults_and_the_limits_of_each_setting_are_accepted()
    {
        Assert.Equal(300, Read([]).DebounceMilliseconds);

        var options = Read(new()
        {
            ["Portfolio:DebounceMilliseconds"] = "0",
            ["Portfolio:PollSeconds"] = "0",
            ["Portfolio:DatabaseCheckSeconds"] = "0",
            ["Portfolio:SearchRequestsPerMinute"] = "0",
            ["Portfolio:PublicBaseUrl"] = "http://localhost:5080",
            ["Portfolio:KnownProxies:0"] = "10.0.0.1",
            ["Portfolio:KnownProxies:1"] = "::1",
        });

        Assert.Equal(["10.0.0.1", "::1"], options.KnownProxies);
        Assert.Equal(16, Read([]).MaxFileMegabytes);
        Assert.Equal(1, Read(new() { ["Portfolio:MaxFileMegabytes"] = "1" }).MaxFileMegabytes);
        Assert.Equal(1024, Read(new() { ["Portfolio:MaxFileMegabytes"] = "1024" }).MaxFileMegabytes);
        Assert.Equal("", Read(new() { ["Portfolio:PublicBaseUrl"] = "" }).PublicBaseUrl);
    }

    [Fact]
    public void Known_networks_of_either_address_family_are_accepted()
    {
        var options = Read(new() { ["Portfolio:KnownNetworks:0"] = "172.16.0.0/12", ["Portfolio:KnownNetworks:1"] = "fd00::/8" });

        Assert.Equal(["172.16.0.0/12", "fd00::/8"], options.KnownNetworks);
        Assert.Empty(Read([]).KnownNetworks);
    }

    [Fact]
    public void The_renewal_window_is_90_days_unless_set_from_1_to_3650()
    {
        Assert.Equal(90, Read([]).RenewalWindowDays);
        Assert.Equal(1, Read(new() { ["Portfolio:RenewalWindowDays"] = "1" }).RenewalWindowDays);
        Assert.Equal(3650, Read(new() { ["Portfolio:RenewalWindowDays"] = "3650" }).RenewalWindowDays);
    }

    [Fact]
    public async Task A_static_export_cannot_be_switched_on_by_a_setting()
    {
        using var factory = new PortfolioFactory { Clock = new FixedClock(SiteFixture.Today) };
        factory.Settings["Portfolio:StaticExport"] = "true";
        using var client = factory.CreateReadyClient();

        var search = await client.GetStringAsync(new Uri("/search?q=forecasting", UriKind.Relative));
        var credentials = await client.GetStringAsync(new Uri("/credentials", UriKind.Relative));

        Assert.DoesNotContain("Search needs the live site", search);
        Assert.Contains("class=\"search-result\"", search);
        Assert.Contains("class=\"filters__form\"", credentials);
    }
}
