using System.Net;
using System.Text.Json;

namespace Portfolio.Web.Tests.Controllers;

/// <summary>/api/entries filters as the pages do.</summary>
public sealed class ApiControllerTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private async Task<List<string>> TitlesAsync(string query)
    {
        using var response = await site.Client.GetAsync(new Uri("/api/entries" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(entries.Count, json.RootElement.GetProperty("count").GetInt32());
        return entries.Select(e => e.GetProperty("title").GetString()!).ToList();
    }

    [Theory]
    [InlineData("?kind=program", new[] { "AWS Machine Learning Engineer Nanodegree" })]
    [InlineData("?kind=certification&tag=aws", new[] { "AWS Certified Machine Learning - Specialty", "AWS Certified Machine Learning Engineer - Associate" })]
    [InlineData("?tag=aws&tag=scholarship", new[] { "AWS Machine Learning Engineer Nanodegree" })]
    [InlineData("?tag=ml&kind=certifications", new[] { "AWS Certified Machine Learning - Specialty", "AWS Certified Machine Learning Engineer - Associate" })]
    [InlineData("?kind=capstone&tag=docker-containers", new[] { "Computer Vision Pipeline" })]
    [InlineData("?kind=guide-module&q=elena", new[] { "Turning Business Problems into ML Problems" })]
    [InlineData("?tag=no-such-tag", new string[0])]
    public async Task Entries_are_filtered_like_the_pages(string query, string[] titles) =>
        Assert.Equal(titles.Order(), (await TitlesAsync(query)).Order());

    [Fact]
    public async Task Match_any_widens_as_on_the_credentials_page()
    {
        var all = await TitlesAsync("?tag=scholarship&tag=mlops&kind=certification");
        var any = await TitlesAsync("?tag=scholarship&tag=mlops&match=any&kind=certification");

        Assert.Empty(all);
        Assert.Equal(["AWS Certified Machine Learning Engineer - Associate"], any);
    }

    [Fact]
    public async Task An_entry_carries_its_url_tags_and_credential_state()
    {
        using var json = JsonDocument.Parse(await site.Client.GetStringAsync(new Uri("/api/entries?kind=certification&q=specialty", UriKind.Relative)));

        var entry = json.RootElement.GetProperty("entries")[0];
        Assert.Equal("certification", entry.GetProperty("kind").GetString());
        Assert.Equal($"{SiteFixture.BaseUrl}/certifications/aws-certified-machine-learning-specialty", entry.GetProperty("url").GetString());
        Assert.Equal("2024-03-05", entry.GetProperty("date").GetString());
        Assert.Equal("Active", entry.GetProperty("credential").GetProperty("status").GetString());
        Assert.Equal("2027-03-05", entry.GetProperty("credential").GetProperty("expires").GetString());
        Assert.Contains(entry.GetProperty("tags").EnumerateArray(), t => t.GetProperty("slug").GetString() == "machine-learning");
    }

    [Theory]
    [InlineData("?kind=bogus")]
    [InlineData("?kind=guide-part")]
    [InlineData("?match=most")]
    [InlineData("?kind=program&kind=guide")]
    public async Task A_query_it_cannot_read_is_a_400_problem(string query)
    {
        using var response = await site.Client.GetAsync(new Uri("/api/entries" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
