using System.Net;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>A plain start of the site imports the content into its database, then serves it.</summary>
public sealed class StartupImportTests
{
    [Fact]
    public async Task The_site_imports_at_start_up_and_serves_the_content()
    {
        using var factory = new PortfolioFactory();
        using var client = factory.CreateReadyClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("AWS Machine Learning Engineer Nanodegree", html);
        Assert.Contains("How Machine Learning Really Works", await client.GetStringAsync(new Uri("/guides/aws-machine-learning-engineering/module-1", UriKind.Relative)));
        Assert.True(File.Exists(factory.Folder.Database));
    }

    [Fact]
    public async Task Drafts_are_hidden_unless_switched_on()
    {
        using var hidden = new PortfolioFactory();
        hidden.Folder.Write("certifications/secret.md", "---\ntitle: Secret Draft Credential\ndate: 2025-01-01\ndraft: true\n---\n");
        using var shown = new PortfolioFactory();
        shown.Folder.Write("certifications/secret.md", "---\ntitle: Secret Draft Credential\ndate: 2025-01-01\ndraft: true\n---\n");
        shown.Settings["Portfolio:IncludeDrafts"] = "true";

        var hiddenHtml = await hidden.CreateReadyClient().GetStringAsync(new Uri("/", UriKind.Relative));
        var shownHtml = await shown.CreateReadyClient().GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain("Secret Draft Credential", hiddenHtml);
        Assert.Contains("Secret Draft Credential", shownHtml);
    }
}
