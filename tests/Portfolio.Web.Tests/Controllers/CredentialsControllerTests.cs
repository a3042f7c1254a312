namespace Portfolio.Web.Tests.Controllers;

/// <summary>Multi-tag filtering with live counts, chips, canonical URLs and the empty result.</summary>
public sealed class CredentialsControllerTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string Nanodegree = "AWS Machine Learning Engineer Nanodegree";
    private const string Specialty = "AWS Certified Machine Learning - Specialty";
    private const string Associate = "AWS Certified Machine Learning Engineer - Associate";

    private async Task<IReadOnlyList<string>> ResultsAsync(string query) =>
        (await site.GetPageAsync("/credentials" + query)).Texts(".results .card__title").Order().ToList();

    [Theory]
    [InlineData("", new[] { Nanodegree, Associate, Specialty })]
    [InlineData("?tag=aws", new[] { Nanodegree, Associate, Specialty })]
    [InlineData("?tag=scholarship", new[] { Nanodegree })]
    [InlineData("?tag=aws&tag=scholarship", new[] { Nanodegree })]
    [InlineData("?tag=scholarship&tag=AWS", new[] { Nanodegree })]
    [InlineData("?tag=certification&tag=mlops", new[] { Associate })]
    [InlineData("?tag=scholarship&tag=mlops", new string[0])]
    [InlineData("?tag=scholarship&tag=mlops&match=any", new[] { Nanodegree, Associate })]
    [InlineData("?kind=program", new[] { Nanodegree })]
    [InlineData("?kind=certification&tag=aws", new[] { Associate, Specialty })]
    [InlineData("?tag=ml", new[] { Nanodegree, Associate, Specialty })]
    [InlineData("?tag=ML", new[] { Nanodegree, Associate, Specialty })]
    [InlineData("?tag=machine-learning", new[] { Nanodegree, Associate, Specialty })]
    [InlineData("?tag=Machine%20Learning", new[] { Nanodegree, Associate, Specialty })]
    [InlineData("?tag=no-such-tag", new string[0])]
    public async Task Credentials_are_filtered_by_every_listed_tag(string query, string[] expected) =>
        Assert.Equal(expected.Order(), await ResultsAsync(query));

    [Fact]
    public async Task An_alias_and_its_tag_give_the_same_page()
    {
        var alias = await site.GetPageAsync("/credentials?tag=ml");
        var canonical = await site.GetPageAsync("/credentials?tag=machine-learning");

        Assert.Equal(canonical.Texts(".results .card__title"), alias.Texts(".results .card__title"));
        Assert.Equal(canonical.Texts(".chip"), alias.Texts(".chip"));
        Assert.Equal(["Machine Learning ×"], alias.Texts(".chip"));
    }

    [Fact]
    public async Task Each_tag_on_offer_shows_how_many_results_it_would_give()
    {
        var document = await site.GetPageAsync("/credentials?tag=aws");

        var options = document.QuerySelectorAll(".options--tags .option")
            .ToDictionary(o => DocumentExtensions.Normalize(o.ChildNodes[0].TextContent), o => o.QuerySelector(".option__count")!.TextContent);
        Assert.Equal("1", options["Scholarship"]);
        Assert.Equal("2", options["Certification"]);
        Assert.Equal("3", options["Machine Learning"]);
        Assert.False(options.ContainsKey("AWS"));
        Assert.Contains("/credentials?tag=aws&tag=scholarship", document.Hrefs(".options--tags a"));
    }

    [Fact]
    public async Task A_tag_that_would_leave_nothing_is_shown_with_zero_and_is_not_a_link()
    {
        var document = await site.GetPageAsync("/credentials?tag=scholarship");

        var empty = document.Texts(".options--tags .option--empty");
        Assert.Contains("MLOps 0", empty);
        Assert.DoesNotContain(document.Hrefs(".options--tags a"), href => href.Contains("mlops", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Active_filters_are_chips_that_remove_themselves_and_one_link_clears_all()
    {
        var document = await site.GetPageAsync("/credentials?tag=scholarship&tag=aws&kind=program");

        Assert.Equal(["Programs ×", "AWS ×", "Scholarship ×"], document.Texts(".chip"));
        Assert.Equal(
            ["/credentials?tag=aws&tag=scholarship", "/credentials?kind=program&tag=scholarship", "/credentials?kind=program&tag=aws"],
            document.Hrefs(".chip"));
        Assert.Equal("/credentials", document.QuerySelector(".chips__clear")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_result_count_is_shown()
    {
        var document = await site.GetPageAsync("/credentials?tag=certification");

        Assert.Equal("2 credentials of 3", document.QuerySelector(".results__count")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_empty_result_says_so_and_offers_the_way_back()
    {
        var (status, document) = await site.GetAsync("/credentials?tag=no-such-tag");

        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        Assert.Contains("No credentials match", document.QuerySelector(".results .empty")!.TextContent);
        Assert.Equal(["/credentials"], document.Hrefs(".results .empty a"));
        Assert.Equal("0 credentials of 3", document.QuerySelector(".results__count")!.TextContent.Trim());
    }

    [Fact]
    public async Task Match_any_widens_and_its_counts_are_live()
    {
        var document = await site.GetPageAsync("/credentials?tag=scholarship&tag=mlops");

        var match = document.QuerySelectorAll(".filters .options")[1].QuerySelectorAll(".option").Select(o => DocumentExtensions.Normalize(o.TextContent));
        Assert.Equal(["all of the tags 0", "any of the tags 2"], match);
        Assert.Contains("/credentials?match=any&tag=mlops&tag=scholarship", document.Hrefs(".filters a"));
    }

    [Fact]
    public async Task The_page_works_with_a_plain_get_form()
    {
        var document = await site.GetPageAsync("/credentials?tag=aws");

        var form = document.QuerySelector("form.filters__form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/credentials", form.GetAttribute("action"));
        Assert.Equal(["aws"], form.QuerySelectorAll("input[type=hidden][name=tag]").Select(i => i.GetAttribute("value")));
        Assert.Equal([Nanodegree], await ResultsAsync("?tag=aws&kind=program&match=all"));
    }

    [Theory]
    [InlineData("?kind=bogus")]
    [InlineData("?match=most")]
    [InlineData("?kind=program&kind=certification")]
    public async Task A_filter_it_cannot_read_is_a_400_page(string query)
    {
        var (status, document) = await site.GetAsync("/credentials" + query);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.Equal("Bad request", document.H1());
    }
}
