using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>
/// The repository's content with old addresses, a cover and a draft (<see cref="ForeignContent"/>), exported once for
/// a GitHub Pages project site, https://owner.github.io/portfolio/: the host serves it under /portfolio.
/// </summary>
public sealed class PathExportFixture : IDisposable
{
    public const string BaseUrl = "https://owner.github.io/portfolio";
    public const string Prefix = "/portfolio";

    private readonly TempContent _folder = TempContent.WithRepositoryContent();

    public PathExportFixture()
    {
        ForeignContent.WriteTo(_folder);
        (ExitCode, Output, Error) = PortfolioProcess.Run("export", Folder, "--content", _folder.Content, "--base-url", BaseUrl + "/");
    }

    public string Folder => Path.Combine(_folder.Root, "site");

    public int ExitCode { get; }

    public string Output { get; }

    public string Error { get; }

    /// <summary>Every exported HTML file, parsed, by its path in the folder.</summary>
    public IReadOnlyList<(string File, IDocument Document)> Pages => _pages ??= Directory.GetFiles(Folder, "*.html", SearchOption.AllDirectories)
        .Select(f => (Path.GetRelativePath(Folder, f), (IDocument)new HtmlParser().ParseDocument(File.ReadAllText(f))))
        .ToList();

    private List<(string, IDocument)>? _pages;

    /// <summary>The file a static host answers a link of the site with ("/portfolio/tags" → tags/index.html), or null.</summary>
    public string? Resolve(string link)
    {
        if (!link.StartsWith(Prefix + "/", StringComparison.Ordinal))
        {
            return null;
        }

        var relative = Uri.UnescapeDataString(link[(Prefix.Length + 1)..].Split('#')[0]);
        var index = Path.Combine(Folder, relative, "index.html");
        var file = Path.Combine(Folder, relative);
        return File.Exists(index) ? index : File.Exists(file) ? file : null;
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>An export for a base URL with a path carries that path in every link, asset, address and file it writes.</summary>
public sealed class PathExportTests(PathExportFixture export) : IClassFixture<PathExportFixture>
{
    private const string Prefix = PathExportFixture.Prefix;
    private const string BaseUrl = PathExportFixture.BaseUrl;

    [Fact]
    public void The_export_succeeds()
    {
        Assert.True(export.ExitCode == 0, $"exit {export.ExitCode}: {export.Error}");
        Assert.Equal("", export.Error);
    }

    [Fact]
    public void Every_link_asset_form_and_redirect_of_every_page_is_under_the_path_and_resolves_inside_the_folder()
    {
        var problems = new List<string>();
        var checkedLinks = 0;
        foreach (var (file, document) in export.Pages)
        {
            var links = document.QuerySelectorAll("[href], [src], form[action]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? e.GetAttribute("action")!)
                .Concat(document.QuerySelectorAll("meta[http-equiv=refresh]").Select(m => m.GetAttribute("content")!.Split("url=")[1]))
                .Where(l => l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal));
            foreach (var link in links)
            {
                checkedLinks++;
                if (export.Resolve(link) is null)
                {
                    problems.Add($"{file} → {link}");
                }
            }
        }

        Assert.True(checkedLinks > 500, $"{checkedLinks} links");
        Assert.Empty(problems);
    }

    [Fact]
    public void A_link_between_entries_stored_in_a_body_carries_the_path()
    {
        var deployment = Page("programs/aws-machine-learning-engineer-nanodegree/notes/sagemaker-deployment/index.html");

        var link = deployment.QuerySelectorAll(".prose a").Single(a => a.TextContent == "Computer Vision Pipeline");

        Assert.Equal($"{Prefix}/programs/aws-machine-learning-engineer-nanodegree/capstones/computer-vision-pipeline", link.GetAttribute("href"));
    }

    [Fact]
    public void Canonical_open_graph_and_structured_data_addresses_are_under_the_base_url()
    {
        var problems = new List<string>();
        foreach (var (file, document) in export.Pages.Where(p => p.File != "404.html"))
        {
            var addresses = document.QuerySelectorAll("link[rel=canonical]").Select(l => l.GetAttribute("href")!)
                .Concat(document.QuerySelectorAll("meta[property='og:url'], meta[property='og:image']").Select(m => m.GetAttribute("content")!))
                .Concat(document.QuerySelectorAll("script[type='application/ld+json']").SelectMany(s => UrlsIn(JsonDocument.Parse(s.TextContent).RootElement)));
            problems.AddRange(addresses.Where(a => !a.StartsWith(BaseUrl + "/", StringComparison.Ordinal)).Select(a => $"{file}: {a}"));
        }

        Assert.Empty(problems);
        var guide = Page("guides/hugo-notes/index.html");
        Assert.Equal($"{BaseUrl}/media/guides/hugo-cover.png", guide.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.NotNull(export.Resolve($"{Prefix}/media/guides/hugo-cover.png"));
    }

    [Fact]
    public void The_feed_sitemap_and_robots_name_the_pages_under_the_base_url()
    {
        var sitemap = XDocument.Load(Path.Combine(export.Folder, "sitemap.xml"));
        var locations = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
        var feed = XDocument.Load(Path.Combine(export.Folder, "feed.xml"));
        var feedLinks = feed.Descendants().Where(e => e.Name.LocalName == "link").Select(e => e.Attribute("href")!.Value).ToList();

        Assert.NotEmpty(locations);
        Assert.All(locations, l => Assert.NotNull(export.Resolve(new Uri(l).AbsolutePath)));
        Assert.All(locations.Concat(feedLinks), l => Assert.StartsWith(BaseUrl + "/", l));
        Assert.Contains($"Sitemap: {BaseUrl}/sitemap.xml", File.ReadAllText(Path.Combine(export.Folder, "robots.txt")));
        Assert.Contains($"Disallow: {Prefix}/search", File.ReadAllText(Path.Combine(export.Folder, "robots.txt")));
    }

    [Fact]
    public void An_old_address_is_a_page_under_the_path_that_sends_the_browser_to_its_page_under_the_path()
    {
        var redirect = Page("posts/hugo-notes/index.html");

        Assert.Equal($"0; url={Prefix}{ForeignContent.Guide}", redirect.QuerySelector("meta[http-equiv=refresh]")!.GetAttribute("content"));
        Assert.Equal(BaseUrl + ForeignContent.Guide, redirect.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal([Prefix + ForeignContent.Guide], redirect.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void The_not_found_page_links_under_the_path_and_github_pages_is_told_not_to_run_jekyll()
    {
        var notFound = Page("404.html");

        Assert.Contains("Page not found", notFound.Title);
        Assert.Equal($"{Prefix}/credentials", notFound.QuerySelector("main a[href$='/credentials']")!.GetAttribute("href"));
        Assert.Equal($"{Prefix}/", notFound.QuerySelector(".site-brand")!.GetAttribute("href"));
        Assert.Equal("", File.ReadAllText(Path.Combine(export.Folder, ".nojekyll")));
    }

    [Fact]
    public void The_search_page_reads_the_index_under_the_path_with_a_script_of_the_site_allowed_by_the_page_policy()
    {
        var search = Page("search/index.html");

        Assert.Equal($"{Prefix}/search/index.json", search.QuerySelector("form.search-form")!.GetAttribute("data-index"));
        var script = search.QuerySelector("script[src]")!.GetAttribute("src")!;
        Assert.StartsWith($"{Prefix}/js/search.", script, StringComparison.Ordinal);
        Assert.NotNull(export.Resolve(script));
        Assert.StartsWith("Search needs JavaScript", search.QuerySelector("[data-needs-script]")!.TextContent, StringComparison.Ordinal);
        var policy = search.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content")!;
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Empty(search.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
    }

    [Fact]
    public void The_search_index_holds_every_visible_entry_with_its_page_under_the_path_and_no_draft()
    {
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(export.Folder, "search", "index.json")));
        var root = index.RootElement;
        var entries = root.GetProperty("entries").EnumerateArray().ToList();
        var urls = entries.Select(e => e.GetProperty("url").GetString()).ToList();

        Assert.Equal([10.0, 1.0, 5.0], root.GetProperty("weights").EnumerateArray().Select(w => w.GetDouble()));
        Assert.All(urls.OfType<string>(), u => Assert.NotNull(export.Resolve(u)));
        Assert.Contains($"{Prefix}/guides/hugo-notes", urls);
        Assert.Contains(null, urls);
        Assert.All(entries.Where(e => e.GetProperty("url").GetString() is null), e => Assert.Equal("guide-part", e.GetProperty("kind").GetString()));
        Assert.All(root.GetProperty("tags").EnumerateArray(), t => Assert.NotNull(export.Resolve(t.GetProperty("url").GetString()!)));
        Assert.Contains(entries, e => e.GetProperty("title").GetString() == "Notes from Hugo" && e.GetProperty("text").GetString()!.Contains("Notes first written for a Hugo site", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.GetProperty("title").GetString() is "Draft Certification" or "Unpublished Certification");
    }

    private IDocument Page(string file) => export.Pages.Single(p => p.File == file.Replace('/', Path.DirectorySeparatorChar)).Document;

    private static IEnumerable<string> UrlsIn(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name is "url" or "item" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : UrlsIn(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(UrlsIn),
        _ => [],
    };
}
