using Portfolio.Content.Text;

namespace Portfolio.Content.Tests.Text;

public sealed class SlugTests
{
    [Theory]
    [InlineData("AWS Machine Learning Engineer Nanodegree", "aws-machine-learning-engineer-nanodegree")]
    [InlineData("Project 1: Computer Vision Pipeline", "project-1-computer-vision-pipeline")]
    [InlineData("  Crème brûlée — 2024!  ", "creme-brulee-2024")]
    [InlineData("course_notes", "course-notes")]
    [InlineData("!!!", "")]
    public void Titles_become_lower_case_hyphenated_slugs(string text, string slug) => Assert.Equal(slug, Slug.From(text));

    [Theory]
    [InlineData("data-wrangling", "Data wrangling")]
    [InlineData("aws-ml-specialty-2024", "Aws ml specialty 2024")]
    [InlineData("x", "X")]
    [InlineData("", "")]
    public void A_slug_becomes_a_title_for_an_entry_that_gives_none(string slug, string title) => Assert.Equal(title, Slug.ToTitle(slug));

    [Theory]
    [InlineData("C#", "c-sharp")]
    [InlineData("F#", "f-sharp")]
    [InlineData("C++", "c-plus-plus")]
    [InlineData("C", "c")]
    [InlineData("CI/CD", "ci-cd")]
    [InlineData("Node.js", "node-js")]
    [InlineData(".NET", "dotnet")]
    [InlineData("ASP.NET Core", "asp-net-core")]
    [InlineData("machine learning", "machine-learning")]
    [InlineData("Machine Learning", "machine-learning")]
    [InlineData("ML", "ml")]
    [InlineData("AWS", "aws")]
    [InlineData("A/B testing", "a-b-testing")]
    public void Tag_slugs_keep_meaningful_symbols_readable(string name, string slug) => Assert.Equal(slug, TagSlug.From(name));

    [Fact]
    public void Symbol_tags_stay_distinct_from_their_plain_forms()
    {
        string[] names = ["C", "C#", "C++", "F#", "Node.js", ".NET", "NET"];

        Assert.Equal(names.Length, names.Select(TagSlug.From).Distinct().Count());
    }
}
