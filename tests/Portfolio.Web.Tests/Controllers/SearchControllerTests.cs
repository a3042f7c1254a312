using System.Net;

namespace Portfolio.Web.Tests.Controllers;

/// <summary>Full-text search: ranking and snippets on the seeds, tag filters, and queries that must never break it.</summary>
public sealed class SearchControllerTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<AngleSharp.Dom.IDocument> SearchAsync(string query) =>
        await site.GetPageAsync("/search?" + query);

    [Fact]
    public async Task A_title_match_ranks_first_with_the_words_marked()
    {
        var document = await SearchAsync("q=forecasting");

        var first = document.QuerySelector(".search-result")!;
        Assert.Equal("/programs/aws-machine-learning-engineer-nanodegree/capstones/time-series-forecasting", first.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Project 3: Time Series <mark>Forecasting</mark>", first.QuerySelector(".search-result__title a")!.InnerHtml);
        Assert.Equal("Capstone project", first.QuerySelector(".card__kind")!.TextContent);
        Assert.Contains("<mark>forecasting</mark>", first.QuerySelector(".search-result__snippet")!.InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Words_match_as_prefixes_and_across_kinds()
    {
        var document = await SearchAsync("q=sagem");

        var kinds = document.Texts(".search-result .card__kind");
        Assert.True(kinds.Count >= 5, $"{kinds.Count} results");
        var hrefs = document.Hrefs(".search-result__title a");
        Assert.Equal(hrefs.Count, hrefs.Distinct().Count());
        Assert.Contains("Guide module", kinds);
        Assert.Contains("Course notes", kinds);
        Assert.Contains("Program", kinds);
        Assert.All(document.QuerySelectorAll(".search-result__snippet mark"), m => Assert.StartsWith("sagem", m.TextContent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_kind_word_finds_every_entry_of_the_kind()
    {
        var document = await SearchAsync("q=capstone");

        Assert.Equal(3, document.Texts(".search-result .card__kind").Count(k => k == "Capstone project"));
    }

    [Fact]
    public async Task A_hyphenated_code_is_searched_as_a_phrase()
    {
        var document = await SearchAsync("q=MLA-C01");

        var hrefs = document.Hrefs(".search-result__title a");
        Assert.Contains("/certifications/aws-certified-machine-learning-engineer-associate", hrefs);
        Assert.Contains("/guides/aws-machine-learning-engineering", hrefs);
    }

    [Fact]
    public async Task Search_combines_with_tag_filters()
    {
        var all = await SearchAsync("q=deployment");
        var filtered = await SearchAsync("q=deployment&tag=mla-c01");

        Assert.True(all.QuerySelectorAll(".search-result").Length > filtered.QuerySelectorAll(".search-result").Length);
        Assert.All(filtered.Texts(".search-result .card__kind"), k => Assert.Contains(k, new[] { "Guide", "Guide module" }));
        Assert.Equal(["MLA-C01 ×"], filtered.Texts(".chip"));
        Assert.Equal("/search?q=deployment", filtered.QuerySelector(".chip")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Every_page_has_a_search_box_that_is_a_plain_get_form()
    {
        var document = await site.GetPageAsync("/programs");

        var form = document.QuerySelector("header form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[type=search][name=q]"));
        Assert.NotNull(document.QuerySelector("label[for=site-search-q]"));
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "\"", "\"machine learning", "machine learning\"", "*", "**", "sage*", "-aws", "aws -scholarship", "aws AND", "AND",
        "OR OR OR", "NOT", "aws NOT", "NEAR", "NEAR(aws sagemaker, 2)", "NEAR(aws", "(", ")", "((aws)", "aws)", "title:", ":",
        "Title:aws", "EntryId:1", "^aws", "a+b", "{", "}", "[aws]", "'", "''", "\\", "%", "_", "😀", "🚀 sagemaker 🚀",
        "<script>alert(1)</script>", "'; DROP TABLE Entries; --", "ＡＷＳ", "機械学習", new string('a', 1000),
        string.Concat(Enumerable.Repeat("aws OR ", 142)) + "aws", string.Concat(Enumerable.Repeat("\"", 1000)),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_query_text_answers_200_and_never_an_error_page(string query)
    {
        var (status, document) = await site.GetAsync("/search?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Search", document.H1());
        Assert.Empty(document.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task A_query_longer_than_1000_characters_is_a_400()
    {
        var (status, _) = await site.GetAsync("/search?q=" + new string('a', 1001));

        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task The_query_is_shown_encoded()
    {
        var (_, document) = await site.GetAsync("/search?q=" + Uri.EscapeDataString("<b>bold</b>"));

        Assert.Contains("“<b>bold</b>”", document.QuerySelector(".results__count")!.TextContent);
        Assert.Empty(document.QuerySelectorAll("main b"));
    }
}
