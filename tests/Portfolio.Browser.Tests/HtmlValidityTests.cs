namespace Portfolio.Browser.Tests;

/// <summary>Every page type is valid HTML5, as the Nu Html Checker (vnu.jar, installed by scripts/test.sh) judges it.</summary>
[Collection(SiteCollection.Name)]
public sealed class HtmlValidityTests(SiteServer site)
{
    [Fact]
    public async Task Every_page_type_is_valid_html()
    {
        var (exitCode, errors) = await NuHtmlChecker.CheckAsync(site.BaseUrl, PageTypes.All.Select(row => ((string)row[0], (string)row[1])));

        Assert.True(exitCode == 0, $"the checker found errors:\n{errors}");
    }
}
