using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Portfolio.Browser.Tests;

/// <summary>The site with a study guide of callouts, coloured code and objectives added to the repository's content.</summary>
public sealed class RichMarkdownSite : IAsyncLifetime
{
    public const string Module = "/guides/markdown-showcase/module-1";
    public const string Guide = "/guides/markdown-showcase";
    public const string Certification = "/certifications/showcase-certification";

    private const string ShowcaseGuide = """
        # Markdown Showcase
        A guide that uses every kind of callout and coloured code.

        - [x] Set up the account
        - [ ] Book the exam

        # Module 1: Callouts and Code
        > [!NOTE]
        > SageMaker reads training data from **S3**.

        > [!TIP]
        > Use Spot instances for training jobs that can be restarted.

        > [!IMPORTANT]
        > The exam has 65 questions.

        > [!WARNING]
        > Endpoints bill by the hour, busy or not.

        > [!CAUTION]
        > Deleting a bucket deletes its objects.

        > [!tip]- Folded: how to read the exam guide
        > Start with the domains and their weights.

        > [!example]+ Open: a worked example
        > A churn model is a binary classifier:
        >
        > ```python
        > model.fit(features, churned)
        > ```

        > [!faq] Why no copy button?
        > The site runs no script; select the code instead.

        ```python
        import boto3  # the AWS SDK
        session = boto3.Session(region_name="eu-west-1")
        estimator = Estimator(instance_count=2, instance_type="ml.m5.xlarge", max_run=3600, use_spot_instances=True, output_path="s3://a-rather-long-bucket-name/and/a/long/prefix/for/the/model/artifacts")
        ```

        ```csharp
        /// <summary>One module of the guide.</summary>
        public sealed record Module(string Title, int Number)
        {
            public string Label => $"Module {Number}\n";
        }
        ```

        ```sql
        SELECT Kind, COUNT(*) AS Entries FROM Entries WHERE IsDraft = 0 GROUP BY Kind;
        ```

        ```json
        {"title": "Showcase", "modules": 2, "draft": false}
        ```

        ```powershell
        [int]$count = 3
        Write-Host "Training $count models" -ForegroundColor Green
        ```

        ```html
        <a href="/guides" title="All guides">Guides &amp; notes</a>
        ```

        ```yaml
        title: Plain, because ColorCode has no YAML
        ```

        ## Checklist
        - [x] Read about callouts
        - [x] Colour the code
        - [ ] Write the summary

        # Module 2: Next
        Nothing to tick yet: see [the checklist of module 1](#checklist).
        """;

    public SiteServer Server { get; } = new(new Dictionary<string, byte[]>
    {
        ["guides/markdown-showcase.md"] = Encoding.UTF8.GetBytes(ShowcaseGuide),
        ["certifications/showcase-certification.md"] = Encoding.UTF8.GetBytes(
            "---\ntitle: Showcase Certification\nstatus: in-preparation\nissuer: Example Board\nguide: markdown-showcase\n---\nPreparing with the showcase guide.\n"),
    });

    public Task InitializeAsync() => Server.InitializeAsync();

    public Task DisposeAsync() => Server.DisposeAsync();
}

/// <summary>Callouts and coloured code in a real browser: light and dark, desktop and 360 px, accessible, valid, folding without script.</summary>
public sealed class RichMarkdownTests(RichMarkdownSite site) : IClassFixture<RichMarkdownSite>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "showcase-module", RichMarkdownSite.Module },
        { "showcase-guide", RichMarkdownSite.Guide },
        { "showcase-certification", RichMarkdownSite.Certification },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_pages_are_photographed_light_and_dark_at_desktop_and_360_pixels_and_nothing_scrolls_sideways(string name, string url)
    {
        foreach (var (scheme, width) in new[] { (ColorScheme.Light, 1280), (ColorScheme.Dark, 1280), (ColorScheme.Light, 360), (ColorScheme.Dark, 360) })
        {
            var page = await site.Server.NewPageAsync(width: width, height: 900, colorScheme: scheme);
            await page.GotoAsync(url);

            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(SiteServer.ScreenshotFolder, $"{name}-{(scheme == ColorScheme.Dark ? "dark" : "light")}-{width}.png"),
                FullPage = true,
            });
            Assert.True(overflow <= 0, $"{url} scrolls {overflow} px sideways at {width} px ({scheme})");
        }
    }

    [Fact]
    public async Task An_in_page_link_to_another_modules_heading_takes_the_reader_there()
    {
        var page = await site.Server.NewPageAsync(width: 1280, height: 900);
        await page.GotoAsync(RichMarkdownSite.Guide + "/module-2");

        await page.GetByRole(AriaRole.Link, new() { Name = "the checklist of module 1" }).ClickAsync();

        Assert.EndsWith(RichMarkdownSite.Module + "#checklist", page.Url, StringComparison.Ordinal);
        Assert.True(await page.Locator("h2#checklist").IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("(() => { const r = document.getElementById('checklist').getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; })()"), "the heading is not scrolled into view");
    }

    [Fact]
    public async Task A_long_line_of_code_scrolls_inside_its_block_at_360_pixels()
    {
        var page = await site.Server.NewPageAsync(width: 360, height: 800);
        await page.GotoAsync(RichMarkdownSite.Module);

        var block = page.Locator("pre:has(code.language-python)").Last;
        var (scroll, client) = (await block.EvaluateAsync<int>("e => e.scrollWidth"), await block.EvaluateAsync<int>("e => e.clientWidth"));
        Assert.True(scroll > client, $"the block is {client} px wide and its code {scroll} px: the long line should scroll inside it");
        Assert.Equal("auto", await block.EvaluateAsync<string>("e => getComputedStyle(e).overflowX"));
    }

    [Fact]
    public async Task Each_look_and_each_token_has_its_own_colour_in_light_and_in_dark()
    {
        const string Colours = """
            () => [...document.querySelectorAll('.markdown-alert-title, .prose [class^="tok-"]')]
                .map(e => (e.classList.contains('markdown-alert-title') ? e.parentElement.className : e.className) + ' ' + getComputedStyle(e).color)
            """;
        var light = await site.Server.NewPageAsync(colorScheme: ColorScheme.Light);
        var dark = await site.Server.NewPageAsync(colorScheme: ColorScheme.Dark);
        await light.GotoAsync(RichMarkdownSite.Module);
        await dark.GotoAsync(RichMarkdownSite.Module);

        var lightColours = (await light.EvaluateAsync<string[]>(Colours)).Distinct().ToList();
        var darkColours = (await dark.EvaluateAsync<string[]>(Colours)).Distinct().ToList();

        string[] looks = ["note", "tip", "important", "warning", "caution"];
        string[] tokens = ["comment", "keyword", "string", "number", "type", "function", "tag", "attr", "variable"];
        foreach (var colours in new[] { lightColours, darkColours })
        {
            var byName = colours.Select(c => c.Split(" rgb")).ToLookup(c => c[0].Replace("markdown-alert markdown-alert-", "", StringComparison.Ordinal), c => c[1]);
            Assert.All(looks.Concat(tokens.Select(t => "tok-" + t)), name => Assert.True(byName.Contains(name), $"no {name} on the page"));
            Assert.Equal(looks.Length, looks.Select(l => byName[l].Single()).Distinct().Count());
        }

        Assert.NotEqual(lightColours, darkColours);
    }

    [Fact]
    public async Task A_folded_callout_opens_and_closes_with_a_click_or_the_keyboard_without_script()
    {
        var page = await site.Server.NewPageAsync();
        await page.GotoAsync(RichMarkdownSite.Module);
        var folded = page.Locator("details.markdown-alert", new() { HasTextString = "how to read the exam guide" });
        var text = folded.GetByText("Start with the domains");
        var open = page.Locator("details.markdown-alert", new() { HasTextString = "a worked example" });

        Assert.False(await text.IsVisibleAsync());
        Assert.True(await open.Locator("code.language-python").IsVisibleAsync());
        await folded.Locator("summary").ClickAsync();
        Assert.True(await text.IsVisibleAsync());
        await folded.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.False(await text.IsVisibleAsync());
        Assert.Equal("Tip: Folded: how to read the exam guide", (await folded.Locator("summary").TextContentAsync())?.Trim());
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_violations_in_light_or_dark(string name, string url)
    {
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            var page = await site.Server.NewPageAsync(colorScheme: scheme);
            await page.GotoAsync(url);
            // Open every callout, so that what is folded is checked too.
            await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");

            var results = await page.RunAxe();

            Assert.True(results.Violations.Length == 0, string.Join('\n', results.Violations.Select(v =>
                $"{name} ({scheme}): {v.Id} {v.Impact}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target))}")));
        }
    }

    [Fact]
    public async Task The_pages_are_valid_html()
    {
        var (valid, report) = await NuHtmlChecker.CheckAsync(site.Server.BaseUrl, Pages.Select(row => ((string)row[0], (string)row[1])));

        Assert.True(valid, $"the checker found errors:\n{report}");
    }
}
