namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>Every answer carries the security headers; none names the server.</summary>
public sealed class SecurityHeadersTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/credentials?tag=aws")]
    [InlineData("/guides/aws-machine-learning-engineering/module-1")]
    [InlineData("/search?q=sagemaker")]
    [InlineData("/feed.xml")]
    [InlineData("/api/entries")]
    [InlineData("/healthz")]
    [InlineData("/no-such-page")]
    [InlineData("/credentials?kind=bogus")]
    public async Task Every_answer_carries_the_security_headers(string url)
    {
        using var response = await site.Client.GetAsync(new Uri(url, UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("camera=()", Assert.Single(response.Headers.GetValues("Permissions-Policy")));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_for_the_policy_to_block()
    {
        var document = await site.GetPageAsync("/programs/aws-machine-learning-engineer-nanodegree");

        Assert.Empty(document.QuerySelectorAll("script:not([type='application/ld+json'])"));
        Assert.Empty(document.QuerySelectorAll("style, [style]"));
        Assert.Empty(document.QuerySelectorAll("[onclick], [onload], [onerror]"));
    }
}
