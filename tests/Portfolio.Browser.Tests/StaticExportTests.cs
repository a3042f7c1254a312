using System.Net;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Portfolio.Browser.Tests;

/// <summary>
/// The static export published under a path (/portfolio/, as GitHub Pages serves a project site) and served by a
/// static host: every link leads to a file, search and filters work in the browser as they do on the live site, and
/// without JavaScript the pages say what to do instead.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class StaticExportTests(SiteServer site, ExportedSite export) : IClassFixture<ExportedSite>
{
    private const string Prefix = ExportedSite.PathBase;

    /// <summary>Searches that exercise prefixes, stems, phrases, joined words, operators, a column and a group.</summary>
    public static TheoryData<string> Queries => new()
    {
        "sagemaker",
        "deploying models",
        "monitoring",
        "capstone",
        "sagem",
        "MLA-C01",
        "\"feature engineering\"",
        "pipeline OR endpoint",
        "aws NOT specialty",
        "certifications",
        "title:module",
        "(drift OR bias) AND model",
    };

    public static TheoryData<string, string> Pages => new()
    {
        { "export-search", $"{Prefix}/search?q=sagemaker+deployment" },
        { "export-credentials", $"{Prefix}/credentials?tag=aws&tag=machine-learning" },
        { "export-not-found", $"{Prefix}/no-such-page" },
    };

    private Task<IPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme colorScheme = ColorScheme.Light, bool javaScript = true) =>
        ExportedSite.NewPageAsync(site.Browser, export.Origin, width, height, colorScheme, javaScript);

    [Fact]
    public async Task Every_page_of_the_export_links_only_under_its_path_and_every_link_answers()
    {
        using var client = new HttpClient { BaseAddress = new Uri(export.Origin) };
        var queue = new Queue<string>([Prefix + "/", Prefix + "/sitemap.xml", Prefix + "/feed.xml"]);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var problems = new List<string>();
        var pages = 0;
        while (queue.TryDequeue(out var path))
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{path} answered {(int)response.StatusCode}");
                continue;
            }

            var type = response.Content.Headers.ContentType?.MediaType;
            if (type is not ("text/html" or "application/xml" or "text/xml" or "application/atom+xml"))
            {
                continue;
            }

            pages += type == "text/html" ? 1 : 0;
            var text = await response.Content.ReadAsStringAsync();
            var links = Attribute().Matches(text).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value))
                .Concat(Location().Matches(text).Select(m => new Uri(WebUtility.HtmlDecode(m.Groups["url"].Value)).AbsolutePath));
            foreach (var link in links.Select(l => l.Split('#')[0]).Where(l => l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal)))
            {
                if (!link.StartsWith(Prefix + "/", StringComparison.Ordinal))
                {
                    problems.Add($"{path} links to {link}, outside {Prefix}");
                }
                else if (seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }

            foreach (var absolute in Absolute().Matches(text).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)))
            {
                if (!absolute.StartsWith(export.BaseUrl + "/", StringComparison.Ordinal))
                {
                    problems.Add($"{path} names {absolute}, not under {export.BaseUrl}/");
                }
            }
        }

        Assert.True(pages >= 40, $"{pages} pages crawled");
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_missing_page_answers_with_the_exported_not_found_page_whose_links_stay_under_the_path()
    {
        using var client = new HttpClient { BaseAddress = new Uri(export.Origin) };
        using var response = await client.GetAsync(new Uri($"{Prefix}/no-such-page", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Prefix}/credentials\"", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(export.Folder, ".nojekyll")), "no .nojekyll for GitHub Pages");
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_browser_search_of_the_export_finds_what_the_live_search_finds_in_the_same_order(string query)
    {
        var live = await LiveResultsAsync(query);
        var page = await NewPageAsync();

        await page.GotoAsync($"{Prefix}/search?q={Uri.EscapeDataString(query)}");
        await page.Locator(".search-results-section:not([hidden])").WaitForAsync();
        var found = (await page.Locator(".search-result__title a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Select(href => href[Prefix.Length..]).ToList();

        Assert.True(live.Count > 0, $"the live search finds nothing for {query}");
        Assert.Equal(live.Count, found.Count);
        Assert.Equal(live.Take(3), found.Take(3));
        Assert.Equal($"{live.Count} {(live.Count == 1 ? "result" : "results")} for “{query}”", await page.Locator("#results-title").TextContentAsync());
    }

    [Fact]
    public async Task The_browser_cuts_and_stems_every_word_of_the_seeds_as_the_live_full_text_index_does()
    {
        var live = LiveTerms();
        var page = await NewPageAsync();
        await page.GotoAsync($"{Prefix}/search");

        var rows = await page.EvaluateAsync<string[][]>(
            """
            async url => {
              const file = await (await fetch(url)).json();
              const text = term => new TextDecoder().decode(Uint8Array.from(term, c => c.charCodeAt(0)));
              return file.entries.flatMap(e => [e.title, e.text, e.tagText].map((column, c) =>
                [e.title + '\u001f' + c, ...PortfolioSearch.tokens(column).map(t => text(t.term))]));
            }
            """,
            $"{Prefix}/search/index.json");

        // Entry by entry in the server's row order: two entries may share a title (a program and its badge).
        Assert.Equal(live.Select(l => l.Key), rows.Select(r => r[0]));
        foreach (var (row, (_, terms)) in rows.Zip(live))
        {
            Assert.Equal(terms, row[1..]);
        }
    }

    [Fact]
    public async Task Picking_two_tags_on_the_exported_credentials_filters_them_in_place_as_the_live_page_does()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{Prefix}/credentials");
        await page.Locator(".filters__heading", new() { HasTextString = "Kind" }).WaitForAsync();
        await page.EvaluateAsync("window.stayedOnThePage = true");

        await page.Locator(".options--tags a", new() { HasTextString = "Machine Learning" }).ClickAsync();
        await page.Locator(".options--tags a", new() { HasTextString = "Scholarship" }).ClickAsync();

        Assert.EndsWith($"{Prefix}/credentials?tag=machine-learning&tag=scholarship", page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("window.stayedOnThePage === true"), "the page was loaded again");
        Assert.Equal(["Machine Learning ×", "Scholarship ×"], (await page.Locator(".chip").AllInnerTextsAsync()).Select(Normalize));
        Assert.Equal(await LiveCardTitlesAsync("/credentials?tag=machine-learning&tag=scholarship"), await VisibleCardTitlesAsync(page));
        Assert.Equal("1 credential of 4", await page.Locator("#results-title").TextContentAsync());
        Assert.Equal("Credentials: Machine Learning and Scholarship", await page.TitleAsync());

        await page.Locator(".options a", new() { HasTextString = "any of the tags" }).ClickAsync();
        Assert.EndsWith("?match=any&tag=machine-learning&tag=scholarship", page.Url, StringComparison.Ordinal);
        Assert.Equal(await LiveCardTitlesAsync("/credentials?match=any&tag=machine-learning&tag=scholarship"), await VisibleCardTitlesAsync(page));

        await page.Locator(".options a", new() { HasTextString = "Programs" }).ClickAsync();
        Assert.Equal(await LiveCardTitlesAsync("/credentials?kind=program&match=any&tag=machine-learning&tag=scholarship"), await VisibleCardTitlesAsync(page));

        await page.GoBackAsync();
        await page.GoBackAsync();
        Assert.EndsWith("?tag=machine-learning&tag=scholarship", page.Url, StringComparison.Ordinal);
        Assert.Equal(await LiveCardTitlesAsync("/credentials?tag=machine-learning&tag=scholarship"), await VisibleCardTitlesAsync(page));

        await page.Locator(".chip", new() { HasTextString = "Scholarship" }).ClickAsync();
        Assert.Equal(await LiveCardTitlesAsync("/credentials?tag=machine-learning"), await VisibleCardTitlesAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("window.stayedOnThePage === true"), "the page was loaded again");
    }

    [Fact]
    public async Task The_badges_kind_on_the_exported_credentials_shows_the_badges_the_live_page_shows()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{Prefix}/credentials");
        await page.Locator(".filters__heading", new() { HasTextString = "Kind" }).WaitForAsync();

        await page.Locator(".options a", new() { HasTextString = "Badges" }).ClickAsync();

        Assert.EndsWith($"{Prefix}/credentials?kind=badge", page.Url, StringComparison.Ordinal);
        Assert.Equal(["AWS Machine Learning Engineer Nanodegree"], await VisibleCardTitlesAsync(page));
        Assert.Equal(await LiveCardTitlesAsync("/credentials?kind=badge"), await VisibleCardTitlesAsync(page));
    }

    [Fact]
    public async Task On_a_one_tag_page_of_the_export_another_tag_leads_to_the_credentials_with_both()
    {
        var page = await NewPageAsync();
        await page.GotoAsync($"{Prefix}/credentials/tags/aws");
        await page.Locator(".filters__heading", new() { HasTextString = "Add a tag" }).WaitForAsync();

        await page.Locator(".options--tags a", new() { HasTextString = "Certification" }).ClickAsync();
        await page.Locator(".chip", new() { HasTextString = "Certification" }).WaitForAsync();

        Assert.Contains("?tag=aws&tag=certification", page.Url, StringComparison.Ordinal);
        Assert.Equal(await LiveCardTitlesAsync("/credentials?tag=aws&tag=certification"), await VisibleCardTitlesAsync(page));
    }

    [Fact]
    public async Task Without_javascript_the_exported_search_says_it_needs_it_and_links_to_the_tags()
    {
        var page = await NewPageAsync(javaScript: false);
        await page.GotoAsync($"{Prefix}/search?q=sagemaker");

        var message = page.Locator("[data-needs-script]");
        Assert.True(await message.IsVisibleAsync());
        Assert.StartsWith("Search needs JavaScript", await message.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal($"{Prefix}/tags", await message.GetByRole(AriaRole.Link, new() { Name = "tags" }).GetAttributeAsync("href"));
        Assert.False(await page.Locator("form.search-form").IsVisibleAsync());

        await page.GotoAsync($"{Prefix}/credentials");
        Assert.Equal("Show one tag", await page.Locator(".filters__heading").TextContentAsync());
        Assert.Equal($"{Prefix}/credentials/tags/aws", await page.Locator(".options--tags a", new() { HasTextString = "AWS" }).GetAttributeAsync("href"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task An_exported_page_in_light_dark_and_at_360_pixels_is_accessible_and_within_its_policy(string name, string url)
    {
        foreach (var (scheme, width, suffix) in new[] { (ColorScheme.Light, 1280, "light"), (ColorScheme.Dark, 1280, "dark"), (ColorScheme.Light, 360, "360") })
        {
            var page = await NewPageAsync(width: width, height: width == 360 ? 800 : 900, colorScheme: scheme);
            var problems = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                {
                    problems.Add($"{message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => problems.Add($"page error: {error}");

            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteServer.ScreenshotFolder, $"{name}-{suffix}.png"), FullPage = true });

            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{url} scrolls {overflow} px sideways at {width} px");
            var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{name} ({suffix}): {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}");
            Assert.Empty(serious);
            Assert.True(problems.Count == 0, string.Join('\n', problems));
        }
    }

    [Fact]
    public async Task The_exported_search_and_credentials_are_valid_html_as_served_and_once_their_scripts_ran()
    {
        var documents = new List<(string Name, string Html)>();
        using var client = new HttpClient { BaseAddress = new Uri(export.Origin) };
        foreach (var (name, url) in new[] { ("export-search", $"{Prefix}/search?q=sagemaker"), ("export-credentials", $"{Prefix}/credentials?tag=aws&tag=machine-learning") })
        {
            documents.Add((name + "-served", await client.GetStringAsync(new Uri(url, UriKind.Relative))));
            var page = await NewPageAsync();
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            documents.Add((name + "-scripted", "<!DOCTYPE html>\n" + await page.EvaluateAsync<string>("document.documentElement.outerHTML")));
        }

        var (valid, report) = await NuHtmlChecker.CheckHtmlAsync(documents);

        Assert.True(valid, $"the checker found errors:\n{report}");
    }

    /// <summary>The addresses of the live site's results for a search, best first.</summary>
    private async Task<List<string>> LiveResultsAsync(string query)
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var html = await client.GetStringAsync(new Uri($"/search?q={Uri.EscapeDataString(query)}", UriKind.Relative));
        return ResultLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).ToList();
    }

    private async Task<List<string>> LiveCardTitlesAsync(string url)
    {
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl) };
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        return CardTitle().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["title"].Value)).ToList();
    }

    private static async Task<List<string>> VisibleCardTitlesAsync(IPage page) =>
        [.. await page.Locator(".results .card:visible .card__title").AllTextContentsAsync()];

    /// <summary>The terms of every row and column of the live site's FTS5 index, in order, by title and column number.</summary>
    /// <summary>The live full-text index's terms of each entry's title, text and tags, in the order of its rows.</summary>
    private List<KeyValuePair<string, string[]>> LiveTerms()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = site.DatabasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        using var vocabulary = connection.CreateCommand();
        vocabulary.CommandText = "CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, 'SearchIndex', 'instance')";
        vocabulary.ExecuteNonQuery();
        var columns = new[] { "Title", "Body", "Tags" };
        var terms = new List<(long Id, string Key, List<string> Terms)>();
        using (var titles = connection.CreateCommand())
        {
            titles.CommandText = "SELECT Id, Title FROM SearchText ORDER BY Id";
            using var reader = titles.ExecuteReader();
            while (reader.Read())
            {
                terms.AddRange(columns.Select((_, c) => (reader.GetInt64(0), reader.GetString(1) + '\u001f' + c, new List<string>())));
            }
        }

        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT t.doc, t.col, t.term FROM temp.terms t ORDER BY t.doc, t.col, t.offset";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                var (id, column) = (reader.GetInt64(0), Array.IndexOf(columns, reader.GetString(1)));
                terms.Single(t => t.Id == id && t.Key.EndsWith("\u001f" + column, StringComparison.Ordinal)).Terms.Add(reader.GetString(2));
            }
        }

        SqliteConnection.ClearPool(connection);
        return terms.Select(t => new KeyValuePair<string, string[]>(t.Key, [.. t.Terms])).ToList();
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex("(?:href|src|action)=\"(?<url>[^\"]*)\"")]
    private static partial Regex Attribute();

    [GeneratedRegex("<loc>(?<url>[^<]+)</loc>")]
    private static partial Regex Location();

    /// <summary>The page's own absolute addresses: canonical, Open Graph, and the pages JSON-LD names.</summary>
    [GeneratedRegex("(?:rel=\"canonical\" href|property=\"og:(?:url|image)\" content)=\"(?<url>[^\"]+)\"|\"(?:url|item)\":\"(?<url>[^\"]+)\"")]
    private static partial Regex Absolute();

    [GeneratedRegex("class=\"search-result__title\"><a href=\"(?<url>[^\"]+)\"")]
    private static partial Regex ResultLink();

    [GeneratedRegex("class=\"card__title\"><a href=\"[^\"]+\">(?<title>[^<]+)</a>")]
    private static partial Regex CardTitle();
}
