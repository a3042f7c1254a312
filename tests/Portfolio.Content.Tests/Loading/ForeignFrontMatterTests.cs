using Portfolio.Content.Data;
using Portfolio.Content.Diagnostics;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Tests.Loading;

/// <summary>
/// Front matter written for Hugo, Jekyll, Astro or Docusaurus loads: each key either gives a value this site uses or is
/// reported as a warning that says what was done instead; none is an error.
/// </summary>
public sealed class ForeignFrontMatterTests
{
    private const string Path = "certifications/example.md";

    /// <summary>The key under test, written on line 2 above a title and date that load without a word.</summary>
    private sealed record Case(string Yaml, string? Warning, Func<Entry, LoadedDocument, string?> Value, string? Expected, params string[] OtherFiles);

    private static string? Slug(Entry entry, LoadedDocument _) => entry.Slug;

    private static string? Kind(Entry entry, LoadedDocument _) => entry.Kind.Slug();

    private static string? Redirects(Entry entry, LoadedDocument _) => string.Join(" ", entry.Redirects.Select(r => r.Path));

    private static string? Updated(Entry entry, LoadedDocument _) => entry.Updated?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Image(Entry entry, LoadedDocument _) => entry.Image;

    private static string? Authors(Entry entry, LoadedDocument _) => string.Join(" | ", entry.Authors);

    private static string? Tags(Entry entry, LoadedDocument document) => string.Join(" | ", document.TagNamesOf(entry));

    private static string? Draft(Entry entry, LoadedDocument _) => entry.IsDraft ? "draft" : "published";

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["Hugo type that is not a kind"] = new("type: post", "'type: post' is not a kind of this site (program, certification, guide or page) and is ignored; the kind comes from the folder: certification", Kind, "certification"),
        ["Hugo type that is a kind"] = new("type: guide", null, Kind, "guide"),
        ["Jekyll layout"] = new("layout: post", "'layout: post' is not a kind of this site (program, certification, guide or page) and is ignored; the kind comes from the folder: certification", Kind, "certification"),
        ["Jekyll layout that names another kind"] = new("layout: page", "'layout: page' does not set the kind (only 'kind' and 'type' do) and is ignored; the kind comes from the folder: certification", Kind, "certification"),
        ["layout that names the folder's kind"] = new("layout: certification", null, Kind, "certification"),
        ["Docusaurus template"] = new("template: doc-item", "'template: doc-item' is not a kind of this site (program, certification, guide or page) and is ignored; the kind comes from the folder: certification", Kind, "certification"),
        ["layout that is a list"] = new("layout: [a, b]", "'layout' must be text; got a list; ignored", Kind, "certification"),

        ["slug that is a path"] = new("slug: /blog/my-post/", "'slug' is a path ('/blog/my-post/'); the slug is 'my-post'", Slug, "my-post"),
        ["slug that is a path to an HTML file"] = new("slug: /x/y/z.html", "'slug' is a path ('/x/y/z.html'); the slug is 'z'", Slug, "z"),
        ["permalink that is a path"] = new("permalink: /blog/post/", "'permalink' is a path ('/blog/post'); the slug is 'post', and the old address redirects to the page", Slug, "post"),
        ["permalink is an old address"] = new("permalink: /2020/01/05/post.html", "'permalink' is a path ('/2020/01/05/post.html'); the slug is 'post', and the old address redirects to the page", Redirects, "/2020/01/05/post.html"),
        ["permalink that ends in the file's own slug"] = new("permalink: /2020/example/", null, (e, d) => $"{e.Slug} {Redirects(e, d)}", "example /2020/example"),
        ["permalink beside a slug"] = new("permalink: /old/page.html\nslug: kept", null, (e, d) => $"{e.Slug} {Redirects(e, d)}", "kept /old/page.html"),
        ["permalink pattern"] = new("permalink: /:categories/:year/:title/", "'permalink' is a pattern ('/:categories/:year/:title/') and is ignored: the address comes from the folder and file name", Slug, "example"),
        ["permalink to another site"] = new("permalink: https://example.com/x", "'permalink' 'https://example.com/x' is ignored: it is an address on another site", Redirects, ""),

        ["Hugo alias"] = new("aliases: /old/", null, Redirects, "/old"),
        ["Hugo aliases"] = new("aliases: [/a/, /b/index.html, c, /a]", null, Redirects, "/a /b /c"),
        ["Jekyll redirect_from"] = new("redirect_from:\n  - /2019/old-name/", null, Redirects, "/2019/old-name"),
        ["escaped alias"] = new("aliases: [/caf%C3%A9/]", null, Redirects, "/café"),
        ["alias to another site"] = new("aliases: [https://evil.example/x]", "each of 'aliases' must be an address on this site like /old/page/; 'https://evil.example/x' is not: it is an address on another site; ignored", Redirects, ""),
        ["protocol-relative alias"] = new("aliases: //evil.example/x", "'aliases' must be an address on this site like /old/page/; '//evil.example/x' is not: it is an address on another site; ignored", Redirects, ""),
        ["alias that climbs"] = new("aliases: [/a/../../etc]", "each of 'aliases' must be an address on this site like /old/page/; '/a/../../etc' is not: it has a backslash, a control character or a '.' or '..' segment; ignored", Redirects, ""),
        ["alias in the site's own section"] = new("aliases: [/tags/aws/]", "each of 'aliases' must be an address on this site like /old/page/; '/tags/aws/' is not: the site's own pages are under /tags; ignored", Redirects, ""),
        ["alias of the home page"] = new("aliases: [/]", "each of 'aliases' must be an address on this site like /old/page/; '/' is not: it is the home page; ignored", Redirects, ""),

        ["Hugo lastmod"] = new("lastmod: 2024-05-01", null, Updated, "2024-05-01 00:00"),
        ["updated"] = new("updated: 2024-05-01T10:30:00+02:00", null, Updated, "2024-05-01 10:30"),
        ["Docusaurus last_update"] = new("last_update:\n  date: 2024-05-01\n  author: Ada", null, Updated, "2024-05-01 00:00"),
        ["Jekyll last_modified_at"] = new("last_modified_at: 2024-05-01", null, Updated, "2024-05-01 00:00"),
        ["Astro updatedDate"] = new("updatedDate: 2024-05-01", null, Updated, "2024-05-01 00:00"),
        ["lastmod that is not a date"] = new("lastmod: yesterday", "'lastmod' must be a date like 2024-03-05; got 'yesterday'; ignored", Updated, null),
        ["last_update without a date"] = new("last_update: {author: Ada}", "'last_update' must be a date, or a mapping with a 'date'; ignored", Updated, null),

        ["image beside the file"] = new("image: cover.png", null, Image, "/media/certifications/cover.png", "certifications/cover.png"),
        ["image from the top of the content folder"] = new("image: /images/cover.jpg", null, Image, "/media/images/cover.jpg", "images/cover.jpg"),
        ["Hugo cover.image"] = new("cover:\n  image: cover.webp\n  alt: A cover", null, Image, "/media/certifications/cover.webp", "certifications/cover.webp"),
        ["featured_image"] = new("featured_image: my cover.png", null, Image, "/media/certifications/my%20cover.png", "certifications/my cover.png"),
        ["thumbnail on another site"] = new("thumbnail: https://cdn.example.com/t.png", null, Image, "https://cdn.example.com/t.png"),
        ["Hugo images"] = new("images: [a.png, b.png]", null, Image, "/media/certifications/a.png", "certifications/a.png", "certifications/b.png"),
        ["Astro heroImage"] = new("heroImage: hero.jpg", null, Image, "/media/certifications/hero.jpg", "certifications/hero.jpg"),
        ["image that is missing"] = new("image: missing.png", "the preview image 'missing.png' is not used: there is no file content/certifications/missing.png; the page has no preview image", Image, null),
        ["image that is not a picture"] = new("image: slides.pdf", "the preview image 'slides.pdf' is not used: link previews show PNG, JPEG, GIF and WebP pictures; the page has no preview image", Image, null, "certifications/slides.pdf"),
        ["image outside the content folder"] = new("image: ../../etc/passwd.png", "the preview image '../../etc/passwd.png' is not used: it is not a file of the content folder; the page has no preview image", Image, null),
        ["a second image key"] = new("image: a.png\nthumbnail: b.png", "'thumbnail' is ignored: the page's preview image is already set above it", Image, "/media/certifications/a.png", "certifications/a.png", "certifications/b.png"),

        ["author"] = new("author: Ada Lovelace", null, Authors, "Ada Lovelace"),
        ["authors"] = new("authors: [Ada Lovelace, Alan Turing]", null, Authors, "Ada Lovelace | Alan Turing"),
        ["Docusaurus inline authors"] = new("authors:\n  - name: Ada Lovelace\n    url: https://example.com", null, Authors, "Ada Lovelace"),
        ["author as a mapping"] = new("author: {name: Ada Lovelace}", null, Authors, "Ada Lovelace"),
        ["author without a name"] = new("author: {email: ada@example.com}", "'author' must be a name (or a mapping with a 'name'); got a mapping; ignored", Authors, ""),

        ["Hugo weight"] = new("weight: 3", null, (e, _) => e.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), "3"),
        ["Hugo weight below zero"] = new("weight: -5", null, (e, _) => e.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), "-5"),
        ["Astro pubDate beside date"] = new("pubDate: 2023-07-08", null, (e, _) => e.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "2024-01-01"),
        ["Docusaurus tags"] = new("tags:\n  - label: SageMaker\n    permalink: /sagemaker\n  - MLOps", null, Tags, "SageMaker | MLOps"),
        ["summary without a description"] = new("summary: Written for the cards.", null, (e, _) => $"{e.Description} / {e.Summary} / {e.DescriptionIsExcerpt}", "Written for the cards. / Written for the cards. / False"),
        ["Jekyll excerpt"] = new("excerpt: A short one.", null, (e, _) => $"{e.Description} / {e.Summary}", "A short one. / A short one."),
        ["excerpt beside a description"] = new("excerpt: A short one.\ndescription: The long one.", null, (e, _) => $"{e.Description} / {e.Summary}", "The long one. / A short one."),
        ["Hugo keywords"] = new("keywords: [SageMaker, MLOps]", null, Tags, "SageMaker | MLOps"),
        ["keywords as text"] = new("keywords: \"SageMaker, MLOps\"", null, Tags, "SageMaker | MLOps"),
        ["keywords beside tags"] = new("keywords: [SageMaker]\ntags: [AWS]", null, Tags, "AWS"),
        ["draft"] = new("draft: true", null, Draft, "draft"),
        ["Jekyll published: false"] = new("published: false", null, Draft, "draft"),
        ["published: true"] = new("published: true", null, Draft, "published"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_foreign_key_gives_its_value_or_says_what_was_done_instead(string name)
    {
        var @case = Cases[name];

        var document = TestContent.Load(Path, $"---\n{@case.Yaml}\ntitle: Example\ndate: 2024-01-01\n---\nText.\n", @case.OtherFiles);

        Assert.DoesNotContain(document.Diagnostics, d => d.IsError);
        if (@case.Warning is null)
        {
            Assert.Empty(document.Diagnostics);
        }
        else
        {
            var warning = Assert.Single(document.Diagnostics);
            Assert.Equal((DiagnosticSeverity.Warning, @case.Warning), (warning.Severity, warning.Message));
            Assert.InRange(warning.Line, 2, 1 + @case.Yaml.Split('\n').Length);
        }

        var entry = Assert.Single(document.Entries);
        Assert.Equal(@case.Expected, @case.Value(entry, document));
    }

    [Theory]
    [InlineData("pubDate")]
    [InlineData("publishDate")]
    public void Astros_pubDate_and_Hugos_publishDate_are_the_date_when_there_is_no_date(string key)
    {
        var document = TestContent.Load(Path, $"---\ntitle: T\n{key}: 2023-07-08\n---\n");

        Assert.Empty(document.Diagnostics);
        Assert.Equal(new DateTime(2023, 7, 8), Assert.Single(document.Entries).Date);
    }

    [Fact]
    public void Capstones_and_modules_are_updated_and_written_with_their_file()
    {
        var document = TestContent.Load("guides/g.md",
            "---\nlastmod: 2024-05-01\nauthor: Ada\nimage: g.png\n---\n# Guide\n\n# Module 1: One\n\nText.\n", "guides/g.png");

        Assert.All(document.Entries, e => Assert.Equal(
            (new DateTime(2024, 5, 1), "Ada", "/media/guides/g.png"),
            (e.Updated, string.Join(", ", e.Authors), e.Image)));
        Assert.Equal(2, document.Entries.Count);
    }

    [Fact]
    public void A_sidecar_can_hold_foreign_keys_and_the_file_wins_where_both_say()
    {
        var file = new ContentFile(Path, "---\ntitle: T\ndate: 2024-01-01\nauthor: From the file\n---\n"u8.ToArray(),
            "certifications/example.yml", "author: From the sidecar\naliases: [/old/]\nlastmod: 2024-05-01\n"u8.ToArray());

        var document = ContentLoader.Load(file, _ => true);

        var entry = Assert.Single(document.Entries);
        Assert.Equal(["From the file"], entry.Authors);
        Assert.Equal(("/old", "certifications/example.yml", 2), (entry.Redirects[0].Path, entry.Redirects[0].SourcePath, entry.Redirects[0].Line));
        Assert.Equal(new DateTime(2024, 5, 1), entry.Updated);
        Assert.Equal("certifications/example.yml:1:9: warning: 'authors' is also set in the Markdown file's front matter, which wins", Assert.Single(document.Diagnostics).ToString());
    }

    [Fact]
    public void A_foreign_key_in_a_sidecar_is_reported_in_the_sidecar()
    {
        var file = new ContentFile(Path, "---\ntitle: T\ndate: 2024-01-01\n---\n"u8.ToArray(), "certifications/example.yml", "layout: post\n"u8.ToArray());

        var document = ContentLoader.Load(file, _ => true);

        Assert.Equal("certifications/example.yml:1:9: warning: 'layout: post' is not a kind of this site (program, certification, guide or page) and is ignored; the kind comes from the folder: certification",
            Assert.Single(document.Diagnostics).ToString());
    }
}
