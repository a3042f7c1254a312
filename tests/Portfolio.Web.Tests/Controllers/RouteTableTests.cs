using System.Net;

namespace Portfolio.Web.Tests.Controllers;

/// <summary>Every route of the site with its status and its one h1.</summary>
public sealed class RouteTableTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    public static TheoryData<string, HttpStatusCode, string> Routes => new()
    {
        { "/", HttpStatusCode.OK, "Your Name" },
        { "/credentials", HttpStatusCode.OK, "Credentials" },
        { "/credentials?tag=aws&tag=machine-learning", HttpStatusCode.OK, "Credentials" },
        { "/credentials?tag=no-such-tag", HttpStatusCode.OK, "Credentials" },
        { "/credentials/tags/aws", HttpStatusCode.OK, "Credentials" },
        { "/credentials/tags/ML", HttpStatusCode.OK, "Credentials" },
        { "/search?q=sagemaker", HttpStatusCode.OK, "Search" },
        { "/timeline", HttpStatusCode.OK, "Timeline" },
        { "/cv", HttpStatusCode.OK, "Your Name" },
        { "/programs", HttpStatusCode.OK, "Programs" },
        { "/programs/aws-machine-learning-engineer-nanodegree", HttpStatusCode.OK, "AWS Machine Learning Engineer Nanodegree" },
        { "/programs/aws-machine-learning-engineer-nanodegree/capstones/computer-vision-pipeline", HttpStatusCode.OK, "Computer Vision Pipeline" },
        { "/programs/aws-machine-learning-engineer-nanodegree/capstones/natural-language-processing-system", HttpStatusCode.OK, "Natural Language Processing System" },
        { "/programs/aws-machine-learning-engineer-nanodegree/capstones/time-series-forecasting", HttpStatusCode.OK, "Time Series Forecasting" },
        { "/programs/aws-machine-learning-engineer-nanodegree/notes/course-notes", HttpStatusCode.OK, "Course Notes: Machine Learning in Production and Case Studies" },
        { "/programs/aws-machine-learning-engineer-nanodegree/notes/course-roadmap", HttpStatusCode.OK, "Course Roadmap" },
        { "/certifications", HttpStatusCode.OK, "Certifications" },
        { "/certifications/aws-certified-machine-learning-specialty", HttpStatusCode.OK, "AWS Certified Machine Learning - Specialty" },
        { "/certifications/aws-certified-machine-learning-engineer-associate", HttpStatusCode.OK, "AWS Certified Machine Learning Engineer - Associate" },
        { "/guides", HttpStatusCode.OK, "Guides" },
        { "/guides/aws-machine-learning-engineering", HttpStatusCode.OK, "AWS Machine Learning Engineering: A Complete Journey" },
        { "/guides/aws-machine-learning-engineering/introduction", HttpStatusCode.OK, "Welcome to Machine Learning on AWS" },
        { "/guides/aws-machine-learning-engineering/module-1", HttpStatusCode.OK, "How Machine Learning Really Works" },
        { "/guides/aws-machine-learning-engineering/module-2", HttpStatusCode.OK, "Turning Business Problems into ML Problems" },
        { "/tags", HttpStatusCode.OK, "Tags" },
        { "/tags/aws", HttpStatusCode.OK, "AWS" },
        { "/tags/machine-learning", HttpStatusCode.OK, "Machine Learning" },
        { "/tags/cnn-models", HttpStatusCode.OK, "CNN models" },
        { "/no-such-page", HttpStatusCode.NotFound, "Page not found" },
        { "/programs/no-such-program", HttpStatusCode.NotFound, "Page not found" },
        { "/programs/aws-machine-learning-engineer-nanodegree/capstones/no-such-capstone", HttpStatusCode.NotFound, "Page not found" },
        { "/programs/other-program/capstones/computer-vision-pipeline", HttpStatusCode.NotFound, "Page not found" },
        { "/certifications/no-such-certification", HttpStatusCode.NotFound, "Page not found" },
        { "/guides/no-such-guide", HttpStatusCode.NotFound, "Page not found" },
        { "/guides/aws-machine-learning-engineering/module-99", HttpStatusCode.NotFound, "Page not found" },
        { "/guides/aws-machine-learning-engineering/part-i", HttpStatusCode.NotFound, "Page not found" },
        { "/tags/no-such-tag", HttpStatusCode.NotFound, "Page not found" },
        { "/credentials?kind=bogus", HttpStatusCode.BadRequest, "Bad request" },
        { "/credentials?match=some", HttpStatusCode.BadRequest, "Bad request" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_route_answers_with_its_status_and_one_h1(string url, HttpStatusCode status, string h1)
    {
        var (actual, document) = await site.GetAsync(url);

        Assert.Equal(status, actual);
        Assert.Equal(h1, document.H1());
        Assert.NotEmpty(document.Title!);
        Assert.NotNull(document.QuerySelector("main#main"));
    }

    [Theory]
    [InlineData("/", "")]
    [InlineData("/credentials", "Credentials")]
    [InlineData("/programs/aws-machine-learning-engineer-nanodegree/capstones/computer-vision-pipeline", "Programs")]
    [InlineData("/certifications/aws-certified-machine-learning-specialty", "Certifications")]
    [InlineData("/guides/aws-machine-learning-engineering/module-1", "Guide")]
    [InlineData("/tags/aws", "Tags")]
    public async Task The_navigation_marks_the_current_section(string url, string current)
    {
        var document = await site.GetPageAsync(url);

        Assert.Equal(current.Length == 0 ? [] : [current], document.Texts(".site-nav a[aria-current=page]"));
    }

    [Theory]
    [InlineData("/programs/aws-machine-learning-engineer-nanodegree", "AWS Machine Learning Engineer Nanodegree", "Completed AWS Machine Learning Engineer Nanodegree program over 6 months")]
    [InlineData("/certifications/aws-certified-machine-learning-specialty", "AWS Certified Machine Learning - Specialty", "Earned AWS Machine Learning Specialty certification")]
    [InlineData("/guides/aws-machine-learning-engineering", "AWS Machine Learning Engineering: A Complete Journey", "Your Guide to the MLA-C01 Certification")]
    [InlineData("/guides/aws-machine-learning-engineering/module-1", "Module 1: How Machine Learning Really Works · AWS Machine Learning Engineering: A Complete Journey", "Let's start with the fundamental question")]
    public async Task Title_and_meta_description_come_from_the_content(string url, string title, string description)
    {
        var document = await site.GetPageAsync(url);

        Assert.Equal(title, document.Title);
        Assert.StartsWith(description, document.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }
}
