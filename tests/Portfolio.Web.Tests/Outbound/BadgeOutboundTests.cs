using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.WebUtilities;
using Portfolio.Web.Tests.Controllers;

namespace Portfolio.Web.Tests.Outbound;

/// <summary>Badges travel out as certifications do: the résumé, the calendars and LinkedIn's form.</summary>
public sealed class BadgeOutboundTests(BadgeSite site) : IClassFixture<BadgeSite>
{
    private const string Badge = "/badges/data-wrangling";

    [Fact]
    public async Task A_badge_page_adds_the_badge_to_linkedin_with_its_issuer_months_and_address()
    {
        var page = await site.PageAsync(Badge);
        var link = page.QuerySelector(".credential-links__linkedin")!.GetAttribute("href")!;
        var query = QueryHelpers.ParseQuery(new Uri(link).Query);

        Assert.StartsWith("https://www.linkedin.com/profile/add?", link, StringComparison.Ordinal);
        Assert.Equal("Data Wrangling", query["name"]);
        Assert.Equal("Example Academy", query["organizationName"]);
        Assert.Equal(("2024", "3"), (query["issueYear"].ToString(), query["issueMonth"].ToString()));
        Assert.Equal(("2027", "3"), (query["expirationYear"].ToString(), query["expirationMonth"].ToString()));
        Assert.Equal(SiteFixture.BaseUrl + Badge, query["certUrl"]);
        Assert.Null(page.QuerySelector("a.button[href*='linkedin']"));
    }

    [Fact]
    public async Task A_badge_that_expires_has_its_own_calendar_with_its_expiry_and_renewal_window()
    {
        var page = await site.PageAsync(Badge);
        var href = page.QuerySelector(".credential-links__calendar")!.GetAttribute("href")!;
        using var response = await site.Client.GetAsync(new Uri(href, UriKind.Relative));
        var calendar = ICalendarText.Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal($"{Badge}/calendar.ics", href);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            [("20261205", "20270305"), ("20270305", "20270306")],
            calendar.Events.Select(e => (e["DTSTART"], e["DTEND"])).Order());
        Assert.All(calendar.Events, e => Assert.EndsWith("-badge-data-wrangling@portfolio.example.com", e["UID"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_badge_without_an_expiry_has_no_calendar_file()
    {
        var page = await site.PageAsync("/badges/remote-picture");
        using var response = await site.Client.GetAsync(new Uri("/badges/no-such-badge/calendar.ics", UriKind.Relative));

        Assert.NotNull(page.QuerySelector(".credential-links__linkedin"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_site_calendar_has_the_badges_expiry_and_the_resume_lists_each_badge_once()
    {
        using var response = await site.Client.GetAsync(new Uri("/calendar.ics", UriKind.Relative));
        var calendar = ICalendarText.Parse(await response.Content.ReadAsByteArrayAsync());
        var resume = JsonNode.Parse(await site.Client.GetStringAsync(new Uri("/resume.json", UriKind.Relative)))!;
        var certificates = resume["certificates"]!.AsArray().Select(c => (string?)c!["name"]).ToList();

        Assert.Contains(calendar.Events, e => e["UID"] == "expiry-badge-data-wrangling@portfolio.example.com");
        Assert.Contains("Data Wrangling", certificates);
        Assert.Contains("Baked Badge", certificates);
        Assert.Single(certificates, name => name == "Certified Wrangler");
        Assert.Equal("Example Academy", (string?)resume["certificates"]!.AsArray().First(c => (string?)c!["name"] == "Data Wrangling")!["issuer"]);
        var (valid, report) = await JsonResumeSchema.ValidateAsync(resume.ToJsonString());
        Assert.True(valid, report);
    }

    [Fact]
    public async Task A_badge_in_its_renewal_window_says_how_many_days_are_left()
    {
        using var factory = new PortfolioFactory { Clock = new FixedClock(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero)) };
        factory.Folder.Write("badges/data-wrangling.json", site.Json);
        using var client = factory.CreateReadyClient();

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(Badge, UriKind.Relative)));

        Assert.Equal("This badge expires in 60 days, on 5 March 2027.", page.QuerySelector(".notice--expiring")!.TextContent);
    }
}
