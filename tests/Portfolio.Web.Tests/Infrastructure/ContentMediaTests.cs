using System.Net;

namespace Portfolio.Web.Tests.Infrastructure;

/// <summary>Images beside the Markdown are served under /media, where the rendered links point; nothing else is.</summary>
public sealed class ContentMediaTests
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    [Fact]
    public async Task An_image_in_the_content_folder_is_shown_on_the_page_and_served()
    {
        using var factory = new PortfolioFactory();
        Directory.CreateDirectory(Path.Combine(factory.Folder.Content, "certifications", "figs"));
        File.WriteAllBytes(Path.Combine(factory.Folder.Content, "certifications", "figs", "badge.png"), Png);
        factory.Folder.Write("certifications/with-badge.md", "---\ntitle: With Badge\ndate: 2025-01-01\n---\n\n![The badge](figs/badge.png)\n");
        using var client = factory.CreateReadyClient();

        var html = await client.GetStringAsync(new Uri("/certifications/with-badge", UriKind.Relative));
        using var image = await client.GetAsync(new Uri("/media/certifications/figs/badge.png", UriKind.Relative));

        Assert.Contains("<img src=\"/media/certifications/figs/badge.png\" alt=\"The badge\" />", html);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_svg_is_served_sandboxed_with_its_own_styles_and_no_script()
    {
        using var factory = new PortfolioFactory();
        factory.Folder.Write("certifications/figs/chart.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>rect{fill:red}</style><rect width=\"4\" height=\"4\"/></svg>");
        using var client = factory.CreateReadyClient();

        using var image = await client.GetAsync(new Uri("/media/certifications/figs/chart.svg", UriKind.Relative));

        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'; sandbox", Assert.Single(image.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(image.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/media/site.yml")]
    [InlineData("/media/tags.yml")]
    [InlineData("/media/certifications/aws-certified-machine-learning-specialty.md")]
    [InlineData("/media/../content/site.yml")]
    public async Task Markdown_and_yaml_are_never_served_as_files(string url)
    {
        using var factory = new PortfolioFactory();
        using var client = factory.CreateReadyClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
