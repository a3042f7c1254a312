using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portfolio.Web.Services;
using Portfolio.Web.Tests.Outbound;

namespace Portfolio.Web.Tests.Controllers;

/// <summary>/calendar.ics and each credential's .ics: expiries, renewal windows and planned exams, read back as a calendar reads them.</summary>
public sealed class CalendarControllerTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Specialty = "certifications/aws-certified-machine-learning-specialty.md";
    private const string Associate = "certifications/aws-certified-machine-learning-engineer-associate.md";
    private const string Host = "portfolio.example.com";

    private static async Task<ICalendarComponent> CalendarAsync(HttpClient client, string url = "/calendar.ics")
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        return ICalendarText.Parse(await response.Content.ReadAsByteArrayAsync());
    }

    private static PortfolioFactory Site(params (string Path, string Text)[] files)
    {
        var factory = new PortfolioFactory { Clock = new FixedClock(SiteFixture.Today) };
        factory.Settings["Portfolio:PublicBaseUrl"] = SiteFixture.BaseUrl;
        foreach (var (path, text) in files)
        {
            factory.Folder.Write(path, text);
        }

        return factory;
    }

    /// <summary>Writes the seeds' certification in preparation with an exam day added to its front matter.</summary>
    private static void WriteAssociateWithExam(PortfolioFactory factory, string day)
    {
        var seed = File.ReadAllText(Path.Combine(TempContent.RepositoryRoot, "content", Associate));
        Assert.Contains("code: MLA-C01\n", seed, StringComparison.Ordinal);
        factory.Folder.Write(Associate, seed.Replace("code: MLA-C01\n", $"code: MLA-C01\nexam_date: {day}\n", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_calendar_is_an_icalendar_object_whose_every_event_has_uid_stamp_and_start()
    {
        var calendar = await CalendarAsync(site.Client);

        Assert.Equal("VCALENDAR", calendar.Name);
        Assert.Equal("2.0", calendar["VERSION"]);
        Assert.NotNull(calendar["PRODID"]);
        Assert.Equal("Your Name · Credentials", calendar["X-WR-CALNAME"]);
        Assert.NotEmpty(calendar.Events);
        foreach (var item in calendar.Events)
        {
            Assert.Matches("^[a-z]+-[a-z0-9-]+@portfolio\\.example\\.com$", item["UID"]);
            Assert.Matches("^\\d{8}T\\d{6}Z$", item["DTSTAMP"]);
            Assert.Equal("VALUE=DATE", item.Property("DTSTART").Parameters);
            Assert.Matches("^\\d{8}$", item["DTSTART"]);
            Assert.Equal("VALUE=DATE", item.Property("DTEND").Parameters);
            Assert.True(string.CompareOrdinal(item["DTEND"], item["DTSTART"]) > 0);
        }
    }

    [Fact]
    public async Task An_earned_certification_has_its_expiry_and_the_renewal_window_before_it()
    {
        var calendar = await CalendarAsync(site.Client);

        var events = calendar.Events.ToDictionary(e => e["UID"]!);
        Assert.Equal(
            [$"renewal-certification-aws-certified-machine-learning-specialty@{Host}", $"expiry-certification-aws-certified-machine-learning-specialty@{Host}"],
            events.Keys);
        var renewal = events[$"renewal-certification-aws-certified-machine-learning-specialty@{Host}"];
        Assert.Equal(("20261205", "20270305"), (renewal["DTSTART"], renewal["DTEND"]));
        Assert.Equal("Renew AWS Certified Machine Learning - Specialty (MLS-C01)", renewal["SUMMARY"]);
        Assert.Contains("expires on 5 March 2027; its renewal window is the 90 days before.", renewal["DESCRIPTION"], StringComparison.Ordinal);
        var expiry = events[$"expiry-certification-aws-certified-machine-learning-specialty@{Host}"];
        Assert.Equal(("20270305", "20270306"), (expiry["DTSTART"], expiry["DTEND"]));
        Assert.Equal("AWS Certified Machine Learning - Specialty (MLS-C01) expires", expiry["SUMMARY"]);
        Assert.Equal("https://portfolio.example.com/certifications/aws-certified-machine-learning-specialty", expiry["URL"]);
    }

    [Fact]
    public async Task The_renewal_window_setting_moves_the_start_of_the_renewal_event()
    {
        using var factory = Site();
        factory.Settings["Portfolio:RenewalWindowDays"] = "30";
        using var client = factory.CreateReadyClient();

        var calendar = await CalendarAsync(client);

        var renewal = calendar.Events.Single(e => e["UID"]!.StartsWith("renewal-", StringComparison.Ordinal));
        Assert.Equal(("20270203", "20270305"), (renewal["DTSTART"], renewal["DTEND"]));
        Assert.Contains("its renewal window is the 30 days before.", renewal["DESCRIPTION"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_planned_exam_is_an_event_of_its_day_in_the_calendar_and_in_its_own_file()
    {
        using var factory = Site();
        WriteAssociateWithExam(factory, "2025-09-15");
        using var client = factory.CreateReadyClient();

        var calendar = await CalendarAsync(client);
        var own = await CalendarAsync(client, "/certifications/aws-certified-machine-learning-engineer-associate/calendar.ics");

        var exam = calendar.Events.Single(e => e["UID"] == $"exam-certification-aws-certified-machine-learning-engineer-associate@{Host}");
        Assert.Equal(("20250915", "20250916"), (exam["DTSTART"], exam["DTEND"]));
        Assert.Equal("Exam: AWS Certified Machine Learning Engineer - Associate (MLA-C01)", exam["SUMMARY"]);
        Assert.Equal([exam["UID"]], own.Events.Select(e => e["UID"]));
        Assert.Equal("AWS Certified Machine Learning Engineer - Associate", own["X-WR-CALNAME"]);
    }

    [Fact]
    public async Task A_credential_file_holds_its_own_events_and_a_credential_without_any_has_none()
    {
        var own = await CalendarAsync(site.Client, "/certifications/aws-certified-machine-learning-specialty/calendar.ics");
        var (withoutExam, _) = await site.GetAsync("/certifications/aws-certified-machine-learning-engineer-associate/calendar.ics");
        var (unknown, _) = await site.GetAsync("/certifications/no-such-certification/calendar.ics");

        Assert.Equal(
            [$"renewal-certification-aws-certified-machine-learning-specialty@{Host}", $"expiry-certification-aws-certified-machine-learning-specialty@{Host}"],
            own.Events.Select(e => e["UID"]));
        Assert.Equal(HttpStatusCode.NotFound, withoutExam);
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task A_certification_page_links_its_calendar_file_only_when_it_has_events()
    {
        var earned = await site.GetPageAsync("/certifications/aws-certified-machine-learning-specialty");
        var preparing = await site.GetPageAsync("/certifications/aws-certified-machine-learning-engineer-associate");

        var link = earned.QuerySelector("a.credential-links__calendar")!;
        Assert.Equal("/certifications/aws-certified-machine-learning-specialty/calendar.ics", link.GetAttribute("href"));
        Assert.Equal("text/calendar", link.GetAttribute("type"));
        Assert.Equal("aws-certified-machine-learning-specialty.ics", link.GetAttribute("download"));
        Assert.Equal("Add the expiry to a calendar", link.TextContent);
        Assert.Null(preparing.QuerySelector("a.credential-links__calendar"));
    }

    [Fact]
    public async Task The_credentials_page_offers_the_calendar_to_subscribe_to()
    {
        var page = await site.GetPageAsync("/credentials");

        Assert.Equal("/calendar.ics", page.QuerySelector("link[rel=alternate][type='text/calendar']")!.GetAttribute("href"));
        var link = page.QuerySelector("main a.calendar-link")!;
        Assert.Equal(("/calendar.ics", "calendar to subscribe to"), (link.GetAttribute("href"), link.TextContent));
    }

    [Fact]
    public async Task Uids_stay_the_same_when_the_content_is_imported_again()
    {
        using var factory = Site();
        factory.Settings["Portfolio:DebounceMilliseconds"] = "100";
        WriteAssociateWithExam(factory, "2025-09-15");
        using var client = factory.CreateReadyClient();
        var indexes = factory.Services.GetRequiredService<ContentIndexProvider>();
        var before = await CalendarAsync(client);
        var idBefore = (await indexes.GetAsync(CancellationToken.None)).Credentials.Single(e => e.Slug == "aws-certified-machine-learning-specialty").Id;

        // Both files change, so both are imported again as new rows.
        var specialty = Path.Combine(factory.Folder.Content, Specialty);
        File.WriteAllText(specialty, File.ReadAllText(specialty).Replace("title: \"AWS Certified Machine Learning - Specialty\"", "title: \"AWS Certified Machine Learning - Specialty (renewed)\"", StringComparison.Ordinal));
        WriteAssociateWithExam(factory, "2025-10-01");
        ICalendarComponent after = before;
        await Infrastructure.LiveReloadTests.Eventually(async () =>
        {
            after = await CalendarAsync(client);
            return after.Events.Any(e => e["SUMMARY"]!.Contains("(renewed)", StringComparison.Ordinal)) && after.Events.Any(e => e["DTSTART"] == "20251001");
        }, "the calendar shows the changed files");

        var idAfter = (await indexes.GetAsync(CancellationToken.None)).Credentials.Single(e => e.Slug == "aws-certified-machine-learning-specialty").Id;
        Assert.NotEqual(idBefore, idAfter);
        Assert.Equal(before.Events.Select(e => e["UID"]).Order(), after.Events.Select(e => e["UID"]).Order());
        Assert.Equal(3, after.Events.Count());
    }

    [Fact]
    public async Task Long_text_in_any_script_is_folded_between_characters_and_unfolds_to_what_was_written()
    {
        const string title = "Zertifizierung für maschinelles Lernen: Größen, Prüfungen; Übersicht \\ 機械学習エンジニア認定試験 🎓 Ελληνικά και русский текст";
        using var factory = Site(("certifications/long.md", $"---\ntitle: \"{title.Replace("\\", "\\\\", StringComparison.Ordinal)}\"\ndate: 2025-01-10\nissuer: \"Prüfungsamt, Köln; Ærø\"\nexpires: 2028-01-10\n---\n\nText.\n"));
        using var client = factory.CreateReadyClient();

        using var response = await client.GetAsync(new Uri("/certifications/long/calendar.ics", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var calendar = ICalendarText.Parse(bytes);

        var expiry = calendar.Events.Single(e => e["UID"] == $"expiry-certification-long@{Host}");
        Assert.Equal(title + " expires", expiry["SUMMARY"]);
        Assert.Contains("from Prüfungsamt, Köln; Ærø, earned on 10 January 2025,", expiry["DESCRIPTION"], StringComparison.Ordinal);
        Assert.Contains("\r\n ", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_is_cached_and_revalidated_like_a_page()
    {
        using var first = await site.Client.GetAsync(new Uri("/calendar.ics", UriKind.Relative));

        using var revalidated = await site.Client.RevalidateAsync("/calendar.ics", first.Headers.ETag!);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }
}
