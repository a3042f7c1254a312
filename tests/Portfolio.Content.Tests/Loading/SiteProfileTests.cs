using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Tests.Loading;

public sealed class SiteProfileTests
{
    [Fact]
    public void The_shipped_site_file_is_a_placeholder_the_owner_edits()
    {
        var diagnostics = new DiagnosticBag(SiteProfile.FileName);

        var profile = SiteProfile.Parse(File.ReadAllText(Path.Combine(TestContent.ContentFolder, SiteProfile.FileName)), diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal("Your Name", profile.Name);
        Assert.Equal("Machine Learning Engineer · AWS", profile.Headline);
        Assert.Equal(["GitHub", "LinkedIn"], profile.Links.Select(l => l.Label));
    }

    [Theory]
    [InlineData("name: [a]\n", 1, 7, "'name' must be text; got a list")]
    [InlineData("name: A\nlinks:\n  - label: Blog\n    url: javascript:alert(1)\n", 3, 5, "the 'url' of 'Blog' must be an http, https or mailto URL")]
    [InlineData("name: A\nlinks:\n  - label: Blog\n", 3, 5, "each link must have a 'label' and a 'url'")]
    [InlineData("name: A\nlinks: https://x\n", 2, 8, "'links' must be a list of 'label' and 'url' pairs")]
    [InlineData("name: A\nnmae: B\n", 2, 1, "unknown key 'nmae' in site.yml is ignored")]
    [InlineData("headline: B\n", 1, 1, "site.yml has no 'name'; the site shows 'Your Name'")]
    [InlineData("name: \"A\n", 1, 7, "site.yml is not valid YAML")]
    [InlineData("- a\n", 1, 1, "site.yml must be a mapping")]
    public void A_bad_site_file_is_reported_at_its_line(string yaml, int line, int column, string message)
    {
        var diagnostics = new DiagnosticBag(SiteProfile.FileName);

        SiteProfile.Parse(yaml, diagnostics);

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal((line, column), (diagnostic.Line, diagnostic.Column));
        Assert.StartsWith(message, diagnostic.Message);
    }

    [Fact]
    public void Links_that_repeat_one_problem_are_one_error()
    {
        var diagnostics = new DiagnosticBag(SiteProfile.FileName);

        SiteProfile.Parse("name: A\nlinks:\n  - label: One\n  - label: Two\n  - url: https://x\n", diagnostics);

        Assert.Equal("site.yml:3:5: error: each link must have a 'label' and a 'url' (3 items like this, on lines 3, 4, 5)", Assert.Single(diagnostics.Items).ToString());
    }

    [Fact]
    public void A_bad_link_is_skipped_and_the_rest_kept()
    {
        var profile = SiteProfile.Parse("name: Ada\nlinks:\n  - label: Bad\n    url: ftp://x\n  - label: Good\n    url: https://example.com\n", new DiagnosticBag("site.yml"));

        Assert.Equal("Ada", profile.Name);
        Assert.Equal([new SiteLink("Good", "https://example.com")], profile.Links);
    }
}
