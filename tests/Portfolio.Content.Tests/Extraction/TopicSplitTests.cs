using System.Text.RegularExpressions;
using Portfolio.Content.Extraction;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Tests.Extraction;

/// <summary>A topic's title and detail are split as the regular expression the splitter replaced would split them.</summary>
public sealed partial class TopicSplitTests
{
    [GeneratedRegex(@"^(?<title>[^.:]{3,80}?)[.:]\s+(?<detail>\S.*)$")]
    private static partial Regex TitleAndDetail();

    private static (string Title, string? Detail) ByRegex(string text)
    {
        var match = TitleAndDetail().Match(text);
        return match.Success ? (match.Groups["title"].Value, match.Groups["detail"].Value) : (text, null);
    }

    public static TheoryData<string> Texts() =>
    [
        "Introduction to Deployment. Quick intro of the course",
        "SageMaker: Model training",
        "Ab. too short a title",
        "Abc. just long enough",
        "Abc.no space after the period",
        "Abc.",
        "Abc. ",
        "Abc:  two spaces",
        "No delimiter at all",
        ". starts with one",
        "e.g. an abbreviation first",
        "Version 1.2: released",
        "Title: detail. More: after",
        new string('x', 80) + ". eighty characters",
        new string('x', 81) + ". eighty-one characters",
        "Ünïcödé title: détail",
        "",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void SplitsAsTheRegularExpression(string text) => Assert.Equal(ByRegex(text), TopicExtractor.SplitTitle(text));

    [Fact]
    public void SplitsEveryListItemOfTheContentAsTheRegularExpression()
    {
        var items = Directory.EnumerateFiles(TestContent.ContentFolder, "*.md", SearchOption.AllDirectories)
            .SelectMany(path => MarkdownWalk.BlocksIn<Markdig.Syntax.ListItemBlock>(Markdig.Markdown.Parse(File.ReadAllText(path), ContentMarkdown.Pipeline)))
            .SelectMany(item => item.OfType<Markdig.Syntax.ParagraphBlock>())
            .Select(paragraph => PlainText.Of(paragraph.Inline))
            .Where(text => text.Length > 0)
            .ToList();

        // The content (the seeds) holds both kinds: items with a title and a detail, and items without.
        Assert.Contains(items, text => ByRegex(text).Detail is not null);
        Assert.Contains(items, text => ByRegex(text).Detail is null);
        Assert.All(items, text => Assert.Equal(ByRegex(text), TopicExtractor.SplitTitle(text)));
    }
}
