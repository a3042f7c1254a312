using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Portfolio.Web.Tests.Outbound;

namespace Portfolio.Web.Tests.Controllers;

/// <summary>/resume.json: the portfolio as JSON Resume 1.0, judged by the schema's own validator.</summary>
public sealed class ResumeControllerTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static async Task<string> ResumeTextAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/resume.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return await response.Content.ReadAsStringAsync();
    }

    private static IEnumerable<string?> Strings(JsonNode? array, string property) =>
        array!.AsArray().Select(item => (string?)item![property]);

    [Fact]
    public async Task The_resume_is_valid_against_the_json_resume_schema()
    {
        var (valid, report) = await JsonResumeSchema.ValidateAsync(await ResumeTextAsync(site.Client));

        Assert.True(valid, $"the JSON Resume schema refused /resume.json:\n{report}");
    }

    [Fact]
    public async Task The_schema_check_refuses_what_the_schema_does_not_allow()
    {
        var resume = JsonNode.Parse(await ResumeTextAsync(site.Client))!;
        resume["certificates"]![0]!["date"] = "5 March 2024";
        resume["basics"]!["email"] = "not an address";

        var (valid, report) = await JsonResumeSchema.ValidateAsync(resume.ToJsonString());

        Assert.False(valid);
        Assert.Contains("instance.certificates[0].date", report, StringComparison.Ordinal);
        Assert.Contains("instance.basics.email", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_resume_holds_the_owner_the_nanodegree_the_earned_certification_and_the_capstones()
    {
        var resume = JsonNode.Parse(await ResumeTextAsync(site.Client))!;

        Assert.Equal("https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json", (string?)resume["$schema"]);
        var basics = resume["basics"]!;
        Assert.Equal("Your Name", (string?)basics["name"]);
        Assert.Equal("Machine Learning Engineer · AWS", (string?)basics["label"]);
        Assert.Equal("https://portfolio.example.com/", (string?)basics["url"]);
        Assert.StartsWith("I build, deploy and run machine learning systems on AWS.", (string?)basics["summary"], StringComparison.Ordinal);
        Assert.Equal("Earth", (string?)basics["location"]!["address"]);
        Assert.Equal(["GitHub", "LinkedIn"], Strings(basics["profiles"], "network"));
        Assert.Null(basics["email"]);

        var education = Assert.Single(resume["education"]!.AsArray())!;
        Assert.Equal("Udacity in partnership with Amazon Web Services", (string?)education["institution"]);
        Assert.Equal("AWS Machine Learning Engineer", (string?)education["area"]);
        Assert.Equal("Nanodegree", (string?)education["studyType"]);
        Assert.Equal("2023-06-01", (string?)education["endDate"]);
        Assert.Equal("https://portfolio.example.com/programs/aws-machine-learning-engineer-nanodegree", (string?)education["url"]);

        // The certification in preparation is not a certificate yet.
        var certificate = Assert.Single(resume["certificates"]!.AsArray())!;
        Assert.Equal("AWS Certified Machine Learning - Specialty", (string?)certificate["name"]);
        Assert.Equal("2024-03-05", (string?)certificate["date"]);
        Assert.Equal("Amazon Web Services", (string?)certificate["issuer"]);
        Assert.Equal("https://portfolio.example.com/certifications/aws-certified-machine-learning-specialty", (string?)certificate["url"]);

        var projects = resume["projects"]!.AsArray();
        Assert.Equal(["Computer Vision Pipeline", "Natural Language Processing System", "Time Series Forecasting"], Strings(projects, "name"));
        var vision = projects[0]!;
        Assert.Equal("End-to-end image classification system using AWS services", (string?)vision["description"]);
        Assert.Equal(["SageMaker training, Lambda functions, API Gateway integration", "Scalable image processing pipeline with real-time inference capabilities"],
            vision["highlights"]!.AsArray().Select(h => (string?)h));
        Assert.Equal(["CNN models", "Docker containers", "serverless architecture"], vision["keywords"]!.AsArray().Select(k => (string?)k));
        Assert.Equal("AWS Machine Learning Engineer Nanodegree", (string?)vision["entity"]);
        Assert.Equal("https://portfolio.example.com/programs/aws-machine-learning-engineer-nanodegree/capstones/computer-vision-pipeline", (string?)vision["url"]);

        // The skills are the CV's: the tags of more than one entry, with how many carry them.
        var cvSkills = (await site.GetPageAsync("/cv")).QuerySelector(".cv__skills")!.TextContent.Split(" · ");
        Assert.Contains("AWS", Strings(resume["skills"], "name"));
        Assert.Equal(
            cvSkills,
            resume["skills"]!.AsArray().Select(skill => $"{(string?)skill!["name"]} ({((string?)skill["level"])!.Split(' ')[0]})"));
        Assert.Equal("https://portfolio.example.com/resume.json", (string?)resume["meta"]!["canonical"]);
        Assert.Equal("v1.0.0", (string?)resume["meta"]!["version"]);
    }

    [Fact]
    public async Task The_resume_of_other_content_is_valid_too_with_its_email_verification_url_and_expired_certificates_last()
    {
        using var factory = new PortfolioFactory { Clock = new FixedClock(new DateTimeOffset(2027, 6, 1, 9, 0, 0, TimeSpan.Zero)) };
        factory.Folder.Write("site.yml", "name: Zoë Ångström\nheadline: Ingénieure en apprentissage automatique\nemail: zoe@example.org\nlinks:\n  - label: GitHub\n    url: https://github.com/zoe-a\n  - label: Mail\n    url: mailto:zoe@example.org\n");
        factory.Folder.Write("certifications/older.md",
            "---\ntitle: \"Data Engineering “Pro”, 2020 & after\"\ndate: 2020-01-15\nissuer: Example Board\ncredential_id: EB-42\nverification_url: https://verify.example.org/eb-42\nexpires: 2030-01-15\n---\n\nText.\n");
        using var client = factory.CreateReadyClient();

        var text = await ResumeTextAsync(client);
        var (valid, report) = await JsonResumeSchema.ValidateAsync(text);

        Assert.True(valid, $"the JSON Resume schema refused /resume.json:\n{report}");
        var resume = JsonNode.Parse(text)!;
        Assert.Equal("Zoë Ångström", (string?)resume["basics"]!["name"]);
        Assert.Equal("zoe@example.org", (string?)resume["basics"]!["email"]);
        var profile = Assert.Single(resume["basics"]!["profiles"]!.AsArray())!;
        Assert.Equal(("GitHub", "zoe-a"), ((string?)profile["network"], (string?)profile["username"]));
        // On 1 June 2027 the Specialty (earned in 2024) has expired: it comes after the one earned in 2020, still valid.
        Assert.Equal(["Data Engineering “Pro”, 2020 & after", "AWS Certified Machine Learning - Specialty"], Strings(resume["certificates"], "name"));
        Assert.Equal("https://verify.example.org/eb-42", (string?)resume["certificates"]![0]!["url"]);
        Assert.Contains("\"name\": \"Zoë Ångström\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_and_the_cv_link_the_resume()
    {
        var home = await site.GetPageAsync("/");
        var cv = await site.GetPageAsync("/cv");

        var alternate = home.QuerySelector("link[rel=alternate][type='application/json']")!;
        Assert.Equal("/resume.json", alternate.GetAttribute("href"));
        Assert.Equal("/resume.json", cv.QuerySelector("link[rel=alternate][type='application/json']")!.GetAttribute("href"));
        var visible = cv.QuerySelector("main a.cv__resume")!;
        Assert.Equal("/resume.json", visible.GetAttribute("href"));
        Assert.Equal("JSON Resume", visible.TextContent);
        Assert.Equal("/resume.json", home.QuerySelector("main a.hero__resume")!.GetAttribute("href"));
        Assert.Equal("JSON Resume", home.QuerySelector("main a.hero__resume")!.TextContent);
        Assert.NotNull(home.QuerySelector("main .hero a[href='/cv']"));
    }

    [Fact]
    public async Task The_resume_is_cached_and_revalidated_like_a_page()
    {
        using var first = await site.Client.GetAsync(new Uri("/resume.json", UriKind.Relative));

        using var revalidated = await site.Client.RevalidateAsync("/resume.json", first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.ValueKind);
    }
}
