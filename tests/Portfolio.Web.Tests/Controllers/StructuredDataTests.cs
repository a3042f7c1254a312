using System.Text.Json;

namespace Portfolio.Web.Tests.Controllers;

/// <summary>Every JSON-LD block parses, uses schema.org types with their required properties; canonical and Open Graph tags.</summary>
public sealed class StructuredDataTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Base = SiteFixture.BaseUrl;

    private async Task<List<JsonElement>> BlocksAsync(string url)
    {
        var document = await site.GetPageAsync(url);
        return document.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement.Clone())
            .ToList();
    }

    public static TheoryData<string, string[]> Pages => new()
    {
        { "/", ["Person"] },
        { "/programs/aws-machine-learning-engineer-nanodegree", ["Course"] },
        { "/programs/aws-machine-learning-engineer-nanodegree/capstones/computer-vision-pipeline", ["BreadcrumbList"] },
        { "/programs/aws-machine-learning-engineer-nanodegree/notes/course-roadmap", ["BreadcrumbList"] },
        { "/certifications/aws-certified-machine-learning-specialty", ["EducationalOccupationalCredential"] },
        { "/certifications/aws-certified-machine-learning-engineer-associate", ["EducationalOccupationalCredential"] },
        { "/guides/aws-machine-learning-engineering", ["Course"] },
        { "/guides/aws-machine-learning-engineering/module-2", ["BreadcrumbList"] },
        { "/tags/aws", ["BreadcrumbList"] },
        { "/credentials", [] },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_page_has_its_schema_org_blocks(string url, string[] types)
    {
        var blocks = await BlocksAsync(url);

        Assert.Equal(types, blocks.Select(b => b.GetProperty("@type").GetString()));
        Assert.All(blocks, b => Assert.Equal("https://schema.org", b.GetProperty("@context").GetString()));
    }

    [Fact]
    public async Task A_certification_is_an_educational_occupational_credential()
    {
        var credential = Assert.Single(await BlocksAsync("/certifications/aws-certified-machine-learning-specialty"));

        Assert.Equal("AWS Certified Machine Learning - Specialty", credential.GetProperty("name").GetString());
        Assert.Equal("certification", credential.GetProperty("credentialCategory").GetString());
        Assert.Equal("Organization", credential.GetProperty("recognizedBy").GetProperty("@type").GetString());
        Assert.Equal("Amazon Web Services", credential.GetProperty("recognizedBy").GetProperty("name").GetString());
        Assert.Equal("P3Y", credential.GetProperty("validFor").GetString());
        Assert.Equal($"{Base}/certifications/aws-certified-machine-learning-specialty", credential.GetProperty("url").GetString());
        Assert.Equal(16, credential.GetProperty("competencyRequired").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(credential.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task Program_and_guide_are_courses_with_name_description_and_provider_or_author()
    {
        var program = Assert.Single(await BlocksAsync("/programs/aws-machine-learning-engineer-nanodegree"));
        var guide = Assert.Single(await BlocksAsync("/guides/aws-machine-learning-engineering"));

        Assert.Equal("AWS Machine Learning Engineer Nanodegree", program.GetProperty("name").GetString());
        Assert.StartsWith("Completed AWS Machine Learning Engineer Nanodegree", program.GetProperty("description").GetString());
        Assert.Equal("Udacity in partnership with Amazon Web Services", program.GetProperty("provider").GetProperty("name").GetString());
        Assert.Equal(3, program.GetProperty("hasPart").GetArrayLength());
        Assert.Equal("Your Guide to the MLA-C01 Certification", guide.GetProperty("description").GetString());
        Assert.Equal("Person", guide.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal($"{Base}/guides/aws-machine-learning-engineering/module-1", guide.GetProperty("hasPart")[1].GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_breadcrumb_list_follows_the_breadcrumb_to_the_page()
    {
        var crumbs = Assert.Single(await BlocksAsync("/guides/aws-machine-learning-engineering/module-2")).GetProperty("itemListElement").EnumerateArray().ToList();

        Assert.Equal([1, 2, 3, 4], crumbs.Select(c => c.GetProperty("position").GetInt32()));
        Assert.All(crumbs, c => Assert.Equal("ListItem", c.GetProperty("@type").GetString()));
        Assert.Equal(["Home", "Guides", "AWS Machine Learning Engineering: A Complete Journey", "Turning Business Problems into ML Problems"],
            crumbs.Select(c => c.GetProperty("name").GetString()));
        Assert.Equal([$"{Base}/", $"{Base}/guides", $"{Base}/guides/aws-machine-learning-engineering", $"{Base}/guides/aws-machine-learning-engineering/module-2"],
            crumbs.Select(c => c.GetProperty("item").GetString()));
    }

    [Fact]
    public async Task The_home_page_describes_the_owner_as_a_person()
    {
        var person = Assert.Single(await BlocksAsync("/"));

        Assert.Equal("Your Name", person.GetProperty("name").GetString());
        Assert.Equal("Machine Learning Engineer · AWS", person.GetProperty("jobTitle").GetString());
        Assert.Equal(["https://github.com/", "https://www.linkedin.com/"], person.GetProperty("sameAs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(2, person.GetProperty("hasCredential").GetArrayLength());
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/credentials?tag=ML&tag=aws", "/credentials?tag=aws&tag=machine-learning")]
    [InlineData("/programs/aws-machine-learning-engineer-nanodegree", "/programs/aws-machine-learning-engineer-nanodegree")]
    [InlineData("/tags/aws", "/tags/aws")]
    public async Task Every_page_has_a_canonical_link_and_open_graph_tags_from_the_public_base_url(string url, string canonical)
    {
        var document = await site.GetPageAsync(url);

        Assert.Equal(Base + canonical, document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(Base + canonical, document.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.Equal(document.Title, document.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("summary", document.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        Assert.NotNull(document.QuerySelector("meta[property='og:type']"));
    }

    [Fact]
    public async Task Text_in_json_ld_cannot_close_the_script_element()
    {
        using var factory = new PortfolioFactory();
        factory.Folder.Write("certifications/evil.md", "---\ntitle: \"Evil </script><script>alert(1)</script>\"\ndate: 2025-01-01\n---\nText\n");
        using var client = factory.CreateReadyClient();

        var html = await client.GetStringAsync(new Uri("/certifications/evil", UriKind.Relative));

        Assert.DoesNotContain("</script><script>alert(1)", html);
        var block = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector("script[type='application/ld+json']")!;
        Assert.Equal("Evil </script><script>alert(1)</script>", JsonDocument.Parse(block.TextContent).RootElement.GetProperty("name").GetString());
    }
}
