using Microsoft.AspNetCore.Mvc.Testing;

namespace Portfolio.Web.Tests;

/// <summary>Files written for Hugo and Jekyll, added to a copy of the repository's content: old addresses, dates, a cover, authors, drafts.</summary>
public static class ForeignContent
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    public const string Guide = "/guides/hugo-notes";
    public const string Certification = "/certifications/jekyll-cert";
    public const string TakenPage = "/certifications/aws-certified-machine-learning-specialty";

    public static void WriteTo(TempContent folder)
    {
        // A Hugo page bundle's leaf: cover, lastmod, authors, aliases; its second alias is the certification's already.
        folder.Write("guides/hugo-notes.md", """
            ---
            title: Notes from Hugo
            date: 2024-02-01
            lastmod: 2024-06-15
            authors: [Ada Lovelace, Alan Turing]
            cover:
              image: hugo-cover.png
            aliases:
              - /posts/hugo-notes/
              - /old/shared/
            type: posts
            ---
            # Notes from Hugo

            Notes first written for a Hugo site.

            # Module 1: First steps

            The first module.
            """);
        folder.Write("guides/hugo-cover.png", Png);

        // A Jekyll post: its permalink and redirect_from are old addresses; one of them is a real page of this site.
        folder.Write("certifications/jekyll-cert.md", $"""
            ---
            title: Jekyll Certification
            date: 2024-03-01
            layout: post
            permalink: /2024/03/01/jekyll-cert.html
            redirect_from:
              - /old/shared/
              - {TakenPage}
            ---
            Moved from a Jekyll site.
            """);

        folder.Write("certifications/draft-cert.md", "---\ntitle: Draft Certification\ndate: 2024-01-01\ndraft: true\naliases: [/old/draft/]\n---\nNot yet.\n");
        folder.Write("certifications/unpublished-cert.md", "---\ntitle: Unpublished Certification\ndate: 2024-01-01\npublished: false\n---\nNot yet.\n");
    }
}

/// <summary>One site over the repository's content and <see cref="ForeignContent"/>, shared by the tests of a class; none of them changes it.</summary>
public sealed class ForeignSiteFixture : IDisposable
{
    private readonly PortfolioFactory _factory = new() { Clock = new FixedClock(SiteFixture.Today) };

    public ForeignSiteFixture()
    {
        ForeignContent.WriteTo(_factory.Folder);
        _factory.Settings["Portfolio:PublicBaseUrl"] = SiteFixture.BaseUrl;
        _factory.Settings["Portfolio:ContentStatusPage"] = "true";
        Client = _factory.CreateReadyClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public void Dispose()
    {
        Client.Dispose();
        _factory.Dispose();
    }
}
