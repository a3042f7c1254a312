using AngleSharp.Html.Parser;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>The export command writes a static copy whose every internal link resolves inside the folder.</summary>
public sealed class ExportTests : IDisposable
{
    private const string BaseUrl = "https://me.example.com";
    private readonly TempContent _folder = TempContent.WithRepositoryContent();

    private string Export => ExportOf(_folder);

    private static string ExportOf(TempContent folder) => Path.Combine(folder.Root, "site");

    public void Dispose() => _folder.Dispose();

    private (int ExitCode, string Output, string Error) ExportSite() => ExportSite(_folder);

    private static (int ExitCode, string Output, string Error) ExportSite(TempContent folder) =>
        PortfolioProcess.Run("export", ExportOf(folder), "--content", folder.Content, "--base-url", BaseUrl);

    /// <summary>The file a static server answers a path with.</summary>
    private string? Resolve(string path) => Resolve(_folder, path);

    private static string? Resolve(TempContent folder, string path)
    {
        var relative = Uri.UnescapeDataString(path.TrimStart('/'));
        var file = Path.Combine(ExportOf(folder), relative);
        var index = Path.Combine(ExportOf(folder), relative, "index.html");
        return File.Exists(index) ? index : File.Exists(file) ? file : null;
    }

    [Fact]
    public void Every_internal_link_of_the_export_resolves_inside_the_folder()
    {
        var (exitCode, output, error) = ExportSite();

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        Assert.Equal("", error);
        Assert.Contains("exported ", output);
        var parser = new HtmlParser();
        var pages = Directory.GetFiles(Export, "*.html", SearchOption.AllDirectories);
        Assert.True(pages.Length >= 40, $"{pages.Length} pages");
        var broken = new List<string>();
        foreach (var page in pages)
        {
            var document = parser.ParseDocument(File.ReadAllText(page));
            var links = document.QuerySelectorAll("[href], [src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
                .Where(l => l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal));
            foreach (var link in links)
            {
                var path = link.Split('#')[0];
                if (path.Contains('?', StringComparison.Ordinal) || (path.Length > 0 && Resolve(path) is null))
                {
                    broken.Add($"{Path.GetRelativePath(Export, page)} → {link}");
                }
            }
        }

        Assert.Empty(broken);
    }

    [Fact]
    public void The_resume_and_the_calendars_are_exported_with_the_public_address()
    {
        var (exitCode, _, error) = ExportSite();

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        Assert.Contains($"\"url\": \"{BaseUrl}/\"", File.ReadAllText(Path.Combine(Export, "resume.json")), StringComparison.Ordinal);
        Assert.Contains("UID:expiry-certification-aws-certified-machine-learning-specialty@me.example.com\r\n", File.ReadAllText(Path.Combine(Export, "calendar.ics")).Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", File.ReadAllText(Path.Combine(Export, "certifications", "aws-certified-machine-learning-specialty", "calendar.ics")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_of_several_pages_is_exported_page_by_page()
    {
        for (var i = 1; i <= 2 * Services.Pages.TagPages.PageSize + 1; i++)
        {
            _folder.Write($"programs/aws-machine-learning-engineer-nanodegree/zebra-{i:D3}.md", $"---\ntitle: Zebra {i:D3}\ntags: [Zebra]\n---\nA note.\n");
        }

        var (exitCode, _, error) = ExportSite();

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        var parser = new HtmlParser();
        var first = parser.ParseDocument(File.ReadAllText(Resolve("/tags/zebra")!));
        Assert.Equal("/tags/zebra/page/2", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        var last = parser.ParseDocument(File.ReadAllText(Resolve("/tags/zebra/page/3") ?? throw new Xunit.Sdk.XunitException("page 3 was not exported")));
        Assert.Equal("Zebra 101", last.QuerySelectorAll(".card__title")[^1].TextContent.Trim());
        Assert.Equal("/tags/zebra/page/2", last.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
    }

    [Fact]
    public void The_export_holds_every_page_feed_sitemap_and_asset()
    {
        var (exitCode, _, error) = ExportSite();

        Assert.True(exitCode == 0, error);
        foreach (var path in new[]
                 {
                     "/", "/credentials", "/programs/aws-machine-learning-engineer-nanodegree", "/guides/aws-machine-learning-engineering/module-1",
                     "/certifications/aws-certified-machine-learning-specialty", "/tags/aws", "/timeline", "/cv", "/search",
                     "/feed.xml", "/sitemap.xml", "/robots.txt", "/404.html", "/" + StaticMarker,
                 })
        {
            Assert.True(Resolve(path) is not null, $"{path} is not in the export");
        }

        Assert.Single(Directory.GetFiles(Path.Combine(Export, "css"), "site.*.css"));
        Assert.Contains($"<link rel=\"canonical\" href=\"{BaseUrl}/programs/aws-machine-learning-engineer-nanodegree\">",
            File.ReadAllText(Resolve("/programs/aws-machine-learning-engineer-nanodegree")!));
        Assert.Contains("Search needs JavaScript", File.ReadAllText(Resolve("/search")!));
        Assert.Contains("Page not found", File.ReadAllText(Resolve("/404.html")!));
    }

    [Fact]
    public void A_link_between_two_entries_leads_to_the_exported_page_and_its_heading()
    {
        const string Notes = "/programs/aws-machine-learning-engineer-nanodegree/notes";
        var (exitCode, _, error) = ExportSite();

        Assert.True(exitCode == 0, error);
        var parser = new HtmlParser();
        var deployment = parser.ParseDocument(File.ReadAllText(Resolve($"{Notes}/sagemaker-deployment")!));
        var capstoneLink = deployment.QuerySelectorAll(".prose a").Single(a => a.TextContent == "Computer Vision Pipeline").GetAttribute("href")!;
        var capstone = parser.ParseDocument(File.ReadAllText(Resolve(capstoneLink) ?? throw new Xunit.Sdk.XunitException($"{capstoneLink} was not exported")));
        Assert.Equal("Computer Vision Pipeline", capstone.QuerySelector("h1")!.TextContent);
        Assert.Equal([$"{Notes}/sagemaker-deployment"], capstone.QuerySelectorAll("section.linked-from a").Select(a => a.GetAttribute("href")));

        var monitoring = parser.ParseDocument(File.ReadAllText(Resolve($"{Notes}/model-monitoring")!));
        var headingLink = monitoring.QuerySelectorAll(".prose a").Single(a => a.TextContent == "success metrics").GetAttribute("href")!;
        Assert.Equal("/guides/aws-machine-learning-engineering/module-2#step-3-define-success-metrics", headingLink);
        var module = parser.ParseDocument(File.ReadAllText(Resolve(headingLink.Split('#')[0])!));
        Assert.NotNull(module.GetElementById("step-3-define-success-metrics"));
    }

    private const string StaticMarker = Portfolio.Web.Infrastructure.StaticExporter.Marker;

    [Fact]
    public void An_old_address_is_exported_as_a_page_that_sends_the_browser_on_without_script_and_the_cover_with_its_page()
    {
        ForeignContent.WriteTo(_folder);

        var (exitCode, output, error) = ExportSite();

        Assert.True(exitCode == 0, $"exit {exitCode}: {error}");
        Assert.Contains(", and 3 old addresses that lead to their pages", output, StringComparison.Ordinal);
        var parser = new HtmlParser();
        foreach (var (oldAddress, file, page) in new[]
                 {
                     ("/posts/hugo-notes", "posts/hugo-notes/index.html", ForeignContent.Guide),
                     ("/old/shared", "old/shared/index.html", ForeignContent.Certification),
                     ("/2024/03/01/jekyll-cert.html", "2024/03/01/jekyll-cert.html", ForeignContent.Certification),
                 })
        {
            var path = Path.Combine(Export, file);
            Assert.True(File.Exists(path), $"{oldAddress} is not exported as {file}");
            var redirect = parser.ParseDocument(File.ReadAllText(path));
            Assert.Equal($"0; url={page}", redirect.QuerySelector("meta[http-equiv=refresh]")?.GetAttribute("content"));
            Assert.Equal(BaseUrl + page, redirect.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            Assert.Equal([page], redirect.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
            Assert.Empty(redirect.QuerySelectorAll("script"));
            Assert.NotNull(Resolve(page));
        }

        Assert.False(Directory.Exists(Path.Combine(Export, "old", "draft")));
        Assert.Equal(ForeignContent.Png, File.ReadAllBytes(Resolve("/media/guides/hugo-cover.png") ?? throw new Xunit.Sdk.XunitException("the cover is not exported")));
    }

    [Fact]
    public void Filtering_by_tag_works_for_every_single_tag_of_the_credentials()
    {
        // The seeds' credentials, whatever credentials the repository's content has gained since.
        using var seeds = TempContent.WithSeedContent();
        string? Resolve(string path) => ExportTests.Resolve(seeds, path);
        var (exitCode, _, error) = ExportSite(seeds);
        Assert.True(exitCode == 0, error);
        var parser = new HtmlParser();

        var credentials = parser.ParseDocument(File.ReadAllText(Resolve("/credentials")!));
        var options = credentials.QuerySelectorAll(".options--tags a").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Equal(7, options.Count);
        Assert.All(options, o => Assert.StartsWith("/credentials/tags/", o));
        Assert.Empty(credentials.QuerySelectorAll("form.filters__form"));
        foreach (var option in options)
        {
            var page = parser.ParseDocument(File.ReadAllText(Resolve(option)!));
            Assert.NotEmpty(page.QuerySelectorAll(".results .card"));
            Assert.Equal(["/credentials"], page.QuerySelectorAll(".chip").Select(c => c.GetAttribute("href")));
        }

        var scholarship = parser.ParseDocument(File.ReadAllText(Resolve("/credentials/tags/scholarship")!));
        Assert.Equal(["AWS Machine Learning Engineer Nanodegree"], scholarship.QuerySelectorAll(".results .card__title").Select(t => t.TextContent));
    }

    [Fact]
    public void A_badge_is_exported_with_its_page_its_picture_and_its_original_file_byte_for_byte()
    {
        const string Badge = "/badges/aws-machine-learning-engineer-nanodegree";
        var (exitCode, _, error) = ExportSite();

        Assert.True(exitCode == 0, error);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Resolve(Badge) ?? throw new Xunit.Sdk.XunitException("the badge page is not exported")));
        var image = page.QuerySelector(".badge-figure img")!.GetAttribute("src")!;
        Assert.Equal($"{Badge}/image.svg", image);
        Assert.StartsWith("<svg", File.ReadAllText(Resolve(image) ?? throw new Xunit.Sdk.XunitException("the picture is not exported")), StringComparison.Ordinal);
        var download = page.QuerySelector(".badge-download a")!.GetAttribute("href")!;
        Assert.Equal(File.ReadAllBytes(Path.Combine(_folder.Content, "badges", "aws-machine-learning-engineer-nanodegree.json")),
            File.ReadAllBytes(Resolve(download) ?? throw new Xunit.Sdk.XunitException("the original file is not exported")));
        Assert.NotNull(Resolve("/badges"));
    }

    [Fact]
    public void Export_refuses_a_folder_it_did_not_write_and_replaces_one_it_did()
    {
        Directory.CreateDirectory(Export);
        File.WriteAllText(Path.Combine(Export, "precious.txt"), "keep me");

        var refused = ExportSite();
        Assert.Equal(2, refused.ExitCode);
        Assert.True(File.Exists(Path.Combine(Export, "precious.txt")));

        File.Delete(Path.Combine(Export, "precious.txt"));
        Assert.Equal(0, ExportSite().ExitCode);
        File.WriteAllText(Path.Combine(Export, "stale.html"), "old");
        Assert.Equal(0, ExportSite().ExitCode);
        Assert.False(File.Exists(Path.Combine(Export, "stale.html")));
    }
}
