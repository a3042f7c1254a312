using Microsoft.AspNetCore.WebUtilities;

namespace Portfolio.Web.Tests.Outbound;

/// <summary>"Add to LinkedIn": LinkedIn's add-to-profile address, read back with the query parser.</summary>
public sealed class LinkedInTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static Dictionary<string, string> Parameters(AngleSharp.Dom.IElement link)
    {
        var url = new Uri(link.GetAttribute("href")!);
        Assert.Equal(("https", "www.linkedin.com", "/profile/add"), (url.Scheme, url.Host, url.AbsolutePath));
        return QueryHelpers.ParseQuery(url.Query).ToDictionary(p => p.Key, p => Assert.Single(p.Value.ToArray())!);
    }

    [Fact]
    public async Task An_earned_certification_links_to_linkedin_with_its_name_issuer_dates_and_address()
    {
        var page = await site.GetPageAsync("/certifications/aws-certified-machine-learning-specialty");

        var link = page.QuerySelector("a.credential-links__linkedin")!;
        Assert.Equal("Add to LinkedIn", link.TextContent);
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Null(link.GetAttribute("target"));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["startTask"] = "CERTIFICATION_NAME",
                ["name"] = "AWS Certified Machine Learning - Specialty",
                ["organizationName"] = "Amazon Web Services",
                ["issueYear"] = "2024",
                ["issueMonth"] = "3",
                ["expirationYear"] = "2027",
                ["expirationMonth"] = "3",
                ["certUrl"] = "https://portfolio.example.com/certifications/aws-certified-machine-learning-specialty",
            },
            Parameters(link));
        Assert.Empty(page.QuerySelectorAll("script:not([type='application/ld+json'])"));
    }

    [Fact]
    public async Task Its_id_and_verification_address_go_along_and_any_characters_survive_the_encoding()
    {
        using var factory = new PortfolioFactory { Clock = new FixedClock(SiteFixture.Today) };
        factory.Folder.Write("certifications/odd.md",
            "---\ntitle: \"C# & .NET: Ünïcode + 100% “quoted” #1\"\ndate: 2025-01-10\nissuer: \"Board & Co; Zürich\"\ncredential_id: \"AB/12 34+5\"\nverification_url: \"https://verify.example.com/check?id=AB%2F12&lang=de\"\n---\n\nText.\n");
        using var client = factory.CreateReadyClient();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/certifications/odd", UriKind.Relative)));

        var parameters = Parameters(page.QuerySelector("a.credential-links__linkedin")!);

        Assert.Equal("C# & .NET: Ünïcode + 100% “quoted” #1", parameters["name"]);
        Assert.Equal("Board & Co; Zürich", parameters["organizationName"]);
        Assert.Equal(("2025", "1"), (parameters["issueYear"], parameters["issueMonth"]));
        Assert.Equal("AB/12 34+5", parameters["certId"]);
        Assert.Equal("https://verify.example.com/check?id=AB%2F12&lang=de", parameters["certUrl"]);
        // It does not expire: no expiration is sent.
        Assert.False(parameters.ContainsKey("expirationYear"));
        Assert.False(parameters.ContainsKey("expirationMonth"));
    }

    [Fact]
    public async Task A_completed_program_links_to_linkedin_and_a_certification_in_preparation_does_not()
    {
        var program = await site.GetPageAsync("/programs/aws-machine-learning-engineer-nanodegree");
        var preparing = await site.GetPageAsync("/certifications/aws-certified-machine-learning-engineer-associate");

        var parameters = Parameters(program.QuerySelector("a.credential-links__linkedin")!);
        Assert.Equal("AWS Machine Learning Engineer Nanodegree", parameters["name"]);
        Assert.Equal("Udacity in partnership with Amazon Web Services", parameters["organizationName"]);
        Assert.Equal(("2023", "6"), (parameters["issueYear"], parameters["issueMonth"]));
        Assert.False(parameters.ContainsKey("expirationYear"));
        Assert.Null(preparing.QuerySelector("a.credential-links__linkedin"));
    }
}
