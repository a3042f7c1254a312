using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Portfolio.Web.Tests.Controllers;

/// <summary>Links between entries on the pages: in the text, as "Linked from" on the pages they lead to, and as they change.</summary>
public sealed class LinkedFromTests(LinkedFromTests.RepositorySite repository) : IClassFixture<LinkedFromTests.RepositorySite>
{
    private const string Program = "/programs/aws-machine-learning-engineer-nanodegree";
    private const string Guide = "/guides/aws-machine-learning-engineering";
    private static readonly HtmlParser Html = new();

    private static async Task<IDocument> Page(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    private static IReadOnlyList<string> LinkedFrom(IDocument page) => page.Texts("section.linked-from li");

    [Fact]
    public async Task The_course_notes_of_the_repository_link_to_a_capstone_a_module_and_each_other()
    {
        var note = await Page(repository.Client, $"{Program}/notes/sagemaker-deployment");

        Assert.Equal(
            [
                $"{Program}/notes/course-notes#1-machine-learning-in-production", $"{Program}/capstones/computer-vision-pipeline", $"{Program}/notes/model-monitoring",
                $"{Program}/notes/updating-models", $"{Guide}/module-2",
            ],
            note.Hrefs(".prose a[href^='/']"));
        Assert.Equal(["Deploying a Model to a SageMaker Endpoint · Course notes"], LinkedFrom(await Page(repository.Client, $"{Program}/capstones/computer-vision-pipeline")));
        Assert.Equal(
            ["Deploying a Model to a SageMaker Endpoint · Course notes", "Monitoring Models in Production · Course notes"],
            LinkedFrom(await Page(repository.Client, $"{Guide}/module-2")));
        Assert.Equal([$"{Program}/notes/sagemaker-deployment", $"{Program}/notes/model-monitoring"], (await Page(repository.Client, $"{Guide}/module-2")).Hrefs("section.linked-from a"));
    }

    [Fact]
    public async Task A_page_nothing_links_to_has_no_linked_from_section()
    {
        var roadmap = await Page(repository.Client, $"{Program}/notes/course-roadmap");

        Assert.Null(roadmap.QuerySelector("section.linked-from"));
        Assert.DoesNotContain("Linked from", roadmap.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_kind_of_page_shows_the_entries_that_link_to_it()
    {
        using var factory = new PortfolioFactory();
        factory.Folder.Write("programs/aws-machine-learning-engineer-nanodegree/reading-log.md", """
            # Reading log

            The [program](index.md), its [[Natural Language Processing System]] project, the [[course roadmap]],
            the [[aws-certified-machine-learning-specialty|specialty exam]], the [guide](../../guides/aws-machine-learning-engineering.md)
            and its [[aws-machine-learning-engineering/module-1]].
            """);
        using var client = factory.CreateReadyClient();

        foreach (var url in new[]
                 {
                     Program, $"{Program}/capstones/natural-language-processing-system", $"{Program}/notes/course-roadmap",
                     "/certifications/aws-certified-machine-learning-specialty", Guide, $"{Guide}/module-1",
                 })
        {
            var page = await Page(client, url);
            Assert.Equal(["Reading log · Course notes"], LinkedFrom(page));
            Assert.Equal([$"{Program}/notes/reading-log"], page.Hrefs("section.linked-from a"));
            Assert.Equal("Linked from", page.QuerySelector("section.linked-from h2")!.TextContent);
        }
    }

    [Fact]
    public async Task A_link_to_a_part_of_a_guide_is_listed_on_the_guide_that_shows_the_part()
    {
        using var factory = new PortfolioFactory();
        factory.Folder.Write("programs/aws-machine-learning-engineer-nanodegree/plan.md", "# Plan\n\nStart with [[aws-machine-learning-engineering/part-i|part I]].\n");
        using var client = factory.CreateReadyClient();

        Assert.Equal([$"{Guide}#part-i"], (await Page(client, $"{Program}/notes/plan")).Hrefs(".prose a"));
        Assert.Equal(["Plan · Course notes"], LinkedFrom(await Page(client, Guide)));
    }

    [Fact]
    public async Task A_link_comes_alive_on_the_page_when_its_target_is_added_and_the_status_page_lists_it_until_then()
    {
        using var factory = new PortfolioFactory();
        factory.Settings["Portfolio:DebounceMilliseconds"] = "100";
        factory.Settings["Portfolio:ContentStatusPage"] = "true";
        factory.Folder.Write("programs/aws-machine-learning-engineer-nanodegree/first.md", "# First\n\nNext comes [[second-note]].\n");
        using var client = factory.CreateReadyClient();
        const string First = $"{Program}/notes/first";

        Assert.Empty((await Page(client, First)).QuerySelectorAll(".prose a"));
        Assert.Contains("Next comes second-note.", (await Page(client, First)).QuerySelector(".prose")!.TextContent, StringComparison.Ordinal);
        var status = await client.GetStringAsync(new Uri("/status/content", UriKind.Relative));
        Assert.Contains("programs/aws-machine-learning-engineer-nanodegree/first.md:3:12", status, StringComparison.Ordinal);
        Assert.Contains("wikilink &#x27;[[second-note]]&#x27; not found: no entry has the slug or title &#x27;second-note&#x27;", status, StringComparison.Ordinal);

        factory.Folder.Write("programs/aws-machine-learning-engineer-nanodegree/second-note.md", "# Second note\n\nAfter the first.\n");

        await Infrastructure.LiveReloadTests.Eventually(async () => (await Page(client, First)).Hrefs(".prose a").SequenceEqual([$"{Program}/notes/second-note"]), "the link leads to the new note");
        Assert.Equal(["First · Course notes"], LinkedFrom(await Page(client, $"{Program}/notes/second-note")));
        Assert.DoesNotContain("second-note", await client.GetStringAsync(new Uri("/status/content", UriKind.Relative)), StringComparison.Ordinal);
    }

    /// <summary>The site over the whole of the repository's content, new course notes included.</summary>
    public sealed class RepositorySite : IDisposable
    {
        private readonly PortfolioFactory _factory = new(TempContent.WithRepositoryContent());

        public RepositorySite() => Client = _factory.CreateReadyClient();

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            _factory.Dispose();
        }
    }
}
