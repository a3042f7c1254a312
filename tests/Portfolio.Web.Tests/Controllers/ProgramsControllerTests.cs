namespace Portfolio.Web.Tests.Controllers;

public sealed class ProgramsControllerTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Program = "/programs/aws-machine-learning-engineer-nanodegree";

    [Fact]
    public async Task Program_page_shows_its_facts_beside_the_text()
    {
        var document = await site.GetPageAsync(Program);

        var facts = document.QuerySelectorAll(".facts__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent, r => r.QuerySelector("dd")!.TextContent);
        Assert.Equal("Udacity in partnership with Amazon Web Services", facts["Provider"]);
        Assert.Equal("6 months (2023)", facts["Duration"]);
        Assert.Equal("Scholarship recipient", facts["Funding"]);
        Assert.Equal("1 June 2023", facts["Completed"]);
        Assert.Contains("Program Overview", document.Texts(".toc a"));
        Assert.Equal("#core-curriculum", document.QuerySelectorAll(".toc a").Single(a => a.TextContent == "Core Curriculum").GetAttribute("href"));
        Assert.NotNull(document.QuerySelector(".prose h2#core-curriculum"));
    }

    [Fact]
    public async Task Program_page_links_to_its_capstones_and_course_notes()
    {
        var document = await site.GetPageAsync(Program);

        Assert.Equal(
            [$"{Program}/capstones/computer-vision-pipeline", $"{Program}/capstones/natural-language-processing-system", $"{Program}/capstones/time-series-forecasting"],
            document.Hrefs("section[aria-labelledby=capstones] .card__title a"));
        Assert.Equal([$"{Program}/notes/course-notes", $"{Program}/notes/course-roadmap"], document.Hrefs("section[aria-labelledby=notes] .card__title a"));
    }

    [Fact]
    public async Task Capstone_page_shows_its_four_fields_and_links_back_to_the_program()
    {
        var document = await site.GetPageAsync($"{Program}/capstones/natural-language-processing-system");

        var fields = document.QuerySelectorAll(".capstone > div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => DocumentExtensions.Normalize(d.QuerySelector("dd")!.TextContent));
        Assert.Equal("Sentiment analysis system for customer feedback processing", fields["Objective"]);
        Assert.Equal("Custom transformer models deployed on SageMaker endpoints", fields["Implementation"]);
        Assert.Equal("BERT-based models CloudWatch monitoring SageMaker Processing", fields["Technologies"]);
        Assert.Equal("Production-ready NLP system with automated retraining capabilities", fields["Outcome"]);
        Assert.Equal(["/tags/bert-based-models", "/tags/cloudwatch-monitoring", "/tags/sagemaker-processing"], document.Hrefs(".capstone .tag"));
        Assert.Equal(["/", "/programs", Program], document.Hrefs(".breadcrumb a"));
        Assert.Equal("Project 2", document.QuerySelector(".eyebrow")!.TextContent);
    }

    [Fact]
    public async Task Capstones_link_to_the_previous_and_next_capstone()
    {
        var first = await site.GetPageAsync($"{Program}/capstones/computer-vision-pipeline");
        var middle = await site.GetPageAsync($"{Program}/capstones/natural-language-processing-system");
        var last = await site.GetPageAsync($"{Program}/capstones/time-series-forecasting");

        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal($"{Program}/capstones/natural-language-processing-system", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Equal($"{Program}/capstones/computer-vision-pipeline", middle.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal($"{Program}/capstones/time-series-forecasting", middle.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Null(last.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Course_notes_page_renders_the_indented_lessons_as_a_list_and_missing_images_as_text()
    {
        var document = await site.GetPageAsync($"{Program}/notes/course-notes");

        Assert.Empty(document.QuerySelectorAll(".prose pre"));
        Assert.Empty(document.QuerySelectorAll(".prose img"));
        Assert.Equal(5, document.QuerySelectorAll(".prose ol")[0].QuerySelectorAll("li").Length);
        Assert.Equal(3, document.QuerySelectorAll(".prose .image-missing").Length);
        Assert.Equal(["/", "/programs", Program], document.Hrefs(".breadcrumb a"));
    }

    [Fact]
    public async Task Programs_list_links_to_each_program()
    {
        var document = await site.GetPageAsync("/programs");

        Assert.Equal([Program], document.Hrefs(".card__title a"));
    }
}
