using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Portfolio.Web.Tests.Controllers;

/// <summary>A site over the seeds and badges the tests make: Open Badges 3.0 JSON, a baked PNG, and a certification that names its badge.</summary>
public sealed class BadgeSite : IDisposable
{
    /// <summary>A 1×1 PNG, the picture the JSON badge carries as a data: URI.</summary>
    public static readonly byte[] Picture = Png(null);

    private readonly PortfolioFactory _factory = new() { Clock = new FixedClock(SiteFixture.Today) };

    public BadgeSite()
    {
        _factory.Settings["Portfolio:PublicBaseUrl"] = SiteFixture.BaseUrl;
        _factory.Settings["Portfolio:SearchRequestsPerMinute"] = "0";
        Json = Encoding.UTF8.GetBytes(Credential("Data Wrangling", "data:image/png;base64," + Convert.ToBase64String(Picture)).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Baked = Png(Credential("Baked Badge", null).ToJsonString());
        _factory.Folder.Write("badges/data-wrangling.json", Json);
        _factory.Folder.Write("badges/baked.png", Baked);
        _factory.Folder.Write("badges/remote-picture.json", Credential("Remote Picture", "https://issuer.example/badge.png").ToJsonString());
        _factory.Folder.Write("badges/wrangler-badge.json", Credential("Certified Wrangler", null).ToJsonString());
        _factory.Folder.Write("certifications/wrangler.md",
            "---\ntitle: Certified Wrangler\ndate: 2024-03-05\nissuer: Example Academy\nbadge: badges/wrangler-badge.json\ntags: [Wrangling]\n---\n\nThe exam.\n");
        Client = _factory.CreateReadyClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public HttpClient Client { get; }

    /// <summary>The bytes of badges/data-wrangling.json, as written.</summary>
    public byte[] Json { get; }

    /// <summary>The bytes of badges/baked.png, as written.</summary>
    public byte[] Baked { get; }

    public async Task<IDocument> PageAsync(string url)
    {
        using var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
    }

    private static JsonObject Credential(string name, string? image)
    {
        var achievement = new JsonObject
        {
            ["type"] = new JsonArray("Achievement"),
            ["name"] = name,
            ["description"] = $"{name}, as the issuer describes it.",
            ["criteria"] = new JsonObject { ["narrative"] = "Clean the **census** data set." },
            ["tag"] = new JsonArray("Pandas"),
            ["alignment"] = new JsonArray(new JsonObject { ["targetName"] = "Data Preparation", ["targetUrl"] = "https://framework.example/prep" }),
        };
        if (image is not null)
        {
            achievement["image"] = new JsonObject { ["id"] = image, ["type"] = "Image" };
        }

        return new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
            ["id"] = "urn:uuid:0b8f1d7e-3a35-4a52-9e1a-7c4c0e6f2b11",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject { ["id"] = "https://academy.example", ["type"] = new JsonArray("Profile"), ["name"] = "Example Academy", ["url"] = "https://academy.example" },
            ["validFrom"] = "2024-03-05T10:00:00Z",
            ["validUntil"] = "2027-03-05T10:00:00Z",
            ["credentialSubject"] = new JsonObject { ["type"] = new JsonArray("AchievementSubject"), ["achievement"] = achievement },
            ["evidence"] = new JsonArray(new JsonObject { ["id"] = "https://github.com/ada/wrangling", ["name"] = "Wrangling project" }),
        };
    }

    /// <summary>A 1×1 PNG; with text, baked with it in an iTXt chunk 'openbadgecredential'.</summary>
    private static byte[] Png(string? credential) => Portfolio.Tests.BakedPng.Of(credential is null ? null : "openbadgecredential", credential);
}

public sealed class BadgesControllerTests(BadgeSite site) : IClassFixture<BadgeSite>
{
    private const string Badge = "/badges/data-wrangling";

    private static Dictionary<string, string> Facts(IDocument document) =>
        document.QuerySelectorAll(".facts__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent, r => r.QuerySelector("dd")!.TextContent);

    [Fact]
    public async Task A_badge_page_shows_the_achievement_issuer_dates_status_criteria_evidence_and_what_was_checked()
    {
        var page = await site.PageAsync(Badge);

        Assert.Equal("Data Wrangling", page.H1());
        var facts = Facts(page);
        Assert.Equal("Example Academy", facts["Issuer"]);
        Assert.Equal("https://academy.example", page.QuerySelector(".facts a")!.GetAttribute("href"));
        Assert.Equal("Active", facts["Status"]);
        Assert.Equal("5 March 2024", facts["Issued"]);
        Assert.Equal("5 March 2027", facts["Valid until"]);
        Assert.Equal(["Data Preparation", "Pandas"], page.Texts(".page-head .tag"));
        Assert.Contains("Clean the census data set.", page.Texts(".prose p"));
        Assert.Equal(["https://github.com/ada/wrangling", "https://framework.example/prep"], page.Hrefs(".prose a"));
        Assert.Equal(
            ["Valid today Checked Yes, on 1 June 2025: it is valid from 5 March 2024 until 5 March 2027.",
             "Structure Checked An Open Badges 3.0 OpenBadgeCredential with its issuer, achievement and dates where the specification puts them.",
             "Dates Checked Well-formed, and the expiry comes after the start.",
             "Signature Not checked Not signed: the file carries no proof, so there is no signature to check."],
            page.Texts(".check"));
        Assert.DoesNotContain("verified", page.QuerySelector(".badge-checks")!.TextContent.Replace("does not call a badge verified", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_picture_a_badge_carries_as_a_data_uri_is_served_from_the_sites_own_address()
    {
        var page = await site.PageAsync(Badge);
        var src = page.QuerySelector(".badge-figure img")!.GetAttribute("src")!;

        using var response = await site.Client.GetAsync(new Uri(src, UriKind.Relative));

        Assert.Equal($"{Badge}/image.png", src);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Equal(BadgeSite.Picture, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; sandbox", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_download_is_the_original_file_byte_for_byte_as_an_attachment()
    {
        var page = await site.PageAsync(Badge);
        var link = page.QuerySelector(".badge-download a")!;

        using var response = await site.Client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));

        Assert.Equal("data-wrangling.json", link.GetAttribute("download"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("data-wrangling.json", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(site.Json, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("JSON, ", page.QuerySelector(".badge-download .muted")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_baked_png_is_its_own_picture_and_its_own_download()
    {
        var page = await site.PageAsync("/badges/baked");
        var src = page.QuerySelector(".badge-figure img")!.GetAttribute("src")!;

        using var response = await site.Client.GetAsync(new Uri(src, UriKind.Relative));

        Assert.Equal("/badges/baked/download/baked.png", src);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(site.Baked, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Baked image Checked", page.Texts(".check").Single(c => c.StartsWith("Baked image", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_picture_at_an_address_of_the_issuer_is_not_fetched_and_the_page_says_so()
    {
        var page = await site.PageAsync("/badges/remote-picture");

        Assert.Null(page.QuerySelector(".badge-figure img"));
        Assert.NotNull(page.QuerySelector(".badge-figure__placeholder"));
        Assert.Equal("The issuer's picture of the badge is at issuer.example; the site does not fetch it, so it shows none.", page.QuerySelector(".badge-figure__note")!.TextContent);
        Assert.DoesNotContain("issuer.example/badge.png", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filtering_credentials_by_a_badge_tag_finds_the_badges()
    {
        var page = await site.PageAsync("/credentials?tag=pandas");
        var onlyBadges = await site.PageAsync("/credentials?kind=badge");

        Assert.Equal(["Baked Badge", "Data Wrangling", "Remote Picture"], page.Texts(".results .card__title").Order());
        Assert.Equal(["Baked Badge", "Data Wrangling", "Remote Picture"], onlyBadges.Texts(".results .card__title").Order());
        Assert.Contains($"{Badge}/image.png", page.QuerySelectorAll(".card__image").Select(i => i.GetAttribute("src")));
        Assert.Contains("Badges ×", onlyBadges.Texts(".chip"));
    }

    [Fact]
    public async Task The_api_lists_a_badge_as_a_credential_with_its_picture_and_download()
    {
        using var json = JsonDocument.Parse(await site.Client.GetStringAsync(new Uri("/api/entries?kind=badge&tag=data-preparation", UriKind.Relative)));

        var entry = json.RootElement.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("slug").GetString() == "data-wrangling");
        Assert.Equal("badge", entry.GetProperty("kind").GetString());
        Assert.Equal("2024-03-05", entry.GetProperty("date").GetString());
        Assert.Equal("Active", entry.GetProperty("credential").GetProperty("status").GetString());
        Assert.Equal("Example Academy", entry.GetProperty("credential").GetProperty("grantedBy").GetString());
        Assert.Equal("2027-03-05", entry.GetProperty("credential").GetProperty("expires").GetString());
        Assert.Equal("Open Badges 3.0 OpenBadgeCredential in JSON", entry.GetProperty("badge").GetProperty("format").GetString());
        Assert.Equal($"{SiteFixture.BaseUrl}{Badge}/image.png", entry.GetProperty("badge").GetProperty("image").GetString());
        Assert.Equal($"{SiteFixture.BaseUrl}{Badge}/download/data-wrangling.json", entry.GetProperty("badge").GetProperty("download").GetString());
    }

    [Fact]
    public async Task A_badge_takes_part_in_search_the_badges_list_the_timeline_the_cv_the_feed_and_the_sitemap()
    {
        var search = await site.PageAsync("/search?q=census");
        var list = await site.PageAsync("/badges");
        var timeline = await site.PageAsync("/timeline");
        var cv = await site.PageAsync("/cv");
        var feed = await site.Client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative));
        var sitemap = await site.Client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));

        Assert.Contains(Badge, search.Hrefs(".search-result a"));
        Assert.Equal(["Baked Badge", "Data Wrangling", "Remote Picture"], list.Texts(".card__title").Order());
        Assert.Contains(Badge, timeline.Hrefs(".timeline__title a"));
        Assert.Contains(SiteFixture.BaseUrl + Badge, cv.Hrefs(".cv__list a"));
        Assert.Contains($"<id>{SiteFixture.BaseUrl}{Badge}</id>", feed, StringComparison.Ordinal);
        Assert.Contains($"<loc>{SiteFixture.BaseUrl}{Badge}</loc>", sitemap, StringComparison.Ordinal);
        Assert.Contains($"<loc>{SiteFixture.BaseUrl}/badges</loc>", sitemap, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_badge_page_describes_the_badge_as_a_credential_in_json_ld()
    {
        var page = await site.PageAsync(Badge);

        var credential = page.QuerySelectorAll("script[type='application/ld+json']")
            .Select(s => JsonDocument.Parse(s.TextContent).RootElement)
            .Single(e => e.GetProperty("@type").GetString() == "EducationalOccupationalCredential");
        Assert.Equal("badge", credential.GetProperty("credentialCategory").GetString());
        Assert.Equal("Example Academy", credential.GetProperty("recognizedBy").GetProperty("name").GetString());
        Assert.Equal("2027-03-05", credential.GetProperty("expires").GetString());
        Assert.Equal($"{SiteFixture.BaseUrl}{Badge}/image.png", credential.GetProperty("image").GetString());
    }

    [Fact]
    public async Task A_certification_that_names_its_badge_shows_it_and_the_badge_is_not_a_second_credential()
    {
        var certification = await site.PageAsync("/certifications/wrangler");
        var credentials = await site.PageAsync("/credentials");
        using var redirect = await site.Client.GetAsync(new Uri("/badges/wrangler-badge", UriKind.Relative));
        var download = certification.QuerySelector(".badge-download a")!.GetAttribute("href")!;
        using var file = await site.Client.GetAsync(new Uri(download, UriKind.Relative));

        Assert.Equal("Certified Wrangler", certification.H1());
        Assert.NotNull(certification.QuerySelector(".badge-figure__placeholder"));
        Assert.Contains("Structure Checked", certification.Texts(".check")[1], StringComparison.Ordinal);
        Assert.Single(credentials.Texts(".results .card__title"), t => t == "Certified Wrangler");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/certifications/wrangler", redirect.Headers.Location!.OriginalString);
        Assert.Equal("/badges/wrangler-badge/download/wrangler-badge.json", download);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }

    [Theory]
    [InlineData("2024-01-01", "Not yet valid", "Valid today Problem Not yet on 1 January 2024: it is valid from 5 March 2024.")]
    [InlineData("2027-06-01", "Expired", "Valid today Problem No, not on 1 June 2027: it expired on 5 March 2027.")]
    public async Task The_status_of_a_badge_is_worked_out_on_the_day_the_page_is_served(string today, string status, string check)
    {
        using var factory = new PortfolioFactory { Clock = new FixedClock(DateTimeOffset.Parse(today + "T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture)) };
        factory.Folder.Write("badges/data-wrangling.json", site.Json);
        using var client = factory.CreateReadyClient();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(Badge, UriKind.Relative)));
        var list = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/badges", UriKind.Relative)));

        Assert.Equal(status, Facts(page)["Status"]);
        Assert.Equal(check, page.Texts(".check")[0]);
        Assert.Contains(status, list.Texts(".card .badge"));
    }

    [Fact]
    public async Task A_hosted_badge_links_the_issuers_copy_and_does_not_call_it_a_verification()
    {
        using var factory = new PortfolioFactory { Clock = new FixedClock(SiteFixture.Today) };
        factory.Folder.Write("badges/hosted.json", """
            {
              "@context": "https://w3id.org/openbadges/v2",
              "type": "Assertion",
              "id": "https://issuer.example/assertions/42",
              "recipient": { "type": "email", "hashed": false, "identity": "ada@example.com" },
              "badge": {
                "type": "BadgeClass", "id": "https://issuer.example/badges/robotics", "name": "Robotics",
                "description": "Builds robots.", "criteria": { "narrative": "Build one." },
                "issuer": { "type": "Profile", "id": "https://issuer.example", "name": "Example Issuer" }
              },
              "verification": { "type": "hosted" },
              "issuedOn": "2024-01-01T00:00:00Z"
            }
            """);
        using var client = factory.CreateReadyClient();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/badges/hosted", UriKind.Relative)));

        var button = page.QuerySelector("main a.button[href='https://issuer.example/assertions/42']")!;
        Assert.Equal("The issuer's copy", button.TextContent);
        Assert.DoesNotContain("Verify this credential", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_a_badge_does_not_have_is_not_found()
    {
        using var missing = await site.Client.GetAsync(new Uri($"{Badge}/download/other.json", UriKind.Relative));
        using var noBadge = await site.Client.GetAsync(new Uri("/badges/no-such-badge/image.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noBadge.StatusCode);
    }
}
