using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Portfolio.Content.Data;
using Portfolio.Web.Services;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Controllers;

/// <summary>What machines read: the Atom feed, the sitemap and robots.txt.</summary>
public sealed class FeedsController(ContentIndexProvider indexes, ContentState state, SiteAddress address) : Controller
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const string Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>An Atom 1.0 feed of every entry, newest first.</summary>
    [HttpGet("/feed.xml")]
    public async Task<IActionResult> Feed(CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        var entries = FeedEntries(index);
        var updated = entries.Count > 0 ? entries.Max(e => e.Updated) : state.LastImportAt?.UtcDateTime ?? DateTime.UnixEpoch;

        return Xml("application/atom+xml", writer =>
        {
            writer.WriteStartElement("feed", Atom);
            writer.WriteElementString("title", Atom, $"{index.Site.Name} · Learning portfolio");
            if (index.Site.Headline is { } headline)
            {
                writer.WriteElementString("subtitle", Atom, headline);
            }

            writer.WriteElementString("id", Atom, address.Absolute("/"));
            writer.WriteElementString("updated", Atom, Timestamp(updated));
            Link(writer, address.Absolute("/feed.xml"), "self", "application/atom+xml");
            Link(writer, address.Absolute("/"), "alternate", "text/html");
            writer.WriteStartElement("author", Atom);
            writer.WriteElementString("name", Atom, index.Site.Name);
            writer.WriteEndElement();
            foreach (var (entry, entryUpdated) in entries)
            {
                writer.WriteStartElement("entry", Atom);
                writer.WriteElementString("title", Atom, entry.Label is null ? entry.Title : $"{entry.Label}: {entry.Title}");
                writer.WriteElementString("id", Atom, address.Absolute(entry.Url));
                writer.WriteElementString("updated", Atom, Timestamp(entryUpdated));
                Link(writer, address.Absolute(entry.Url), "alternate", "text/html");
                foreach (var tag in entry.Tags)
                {
                    writer.WriteStartElement("category", Atom);
                    writer.WriteAttributeString("term", tag.Slug);
                    writer.WriteAttributeString("label", tag.Name);
                    writer.WriteEndElement();
                }

                writer.WriteStartElement("summary", Atom);
                writer.WriteAttributeString("type", "text");
                writer.WriteString($"{entry.Kind.DisplayName()}. {entry.Description}".Trim());
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    /// <summary>Every public page, each of which answers 200.</summary>
    [HttpGet("/sitemap.xml")]
    public async Task<IActionResult> Sitemap(CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        return Xml("application/xml", writer =>
        {
            writer.WriteStartElement("urlset", Sitemaps);
            foreach (var (path, modified) in PublicPages(index))
            {
                writer.WriteStartElement("url", Sitemaps);
                writer.WriteElementString("loc", Sitemaps, address.Absolute(path));
                if (modified is { } date)
                {
                    writer.WriteElementString("lastmod", Sitemaps, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
    }

    [HttpGet("/robots.txt")]
    public IActionResult Robots() =>
        Content(
            $"User-agent: *\nAllow: {Under("/")}\nDisallow: {Under("/search")}\nDisallow: {Under("/status/")}\n\nSitemap: {address.Absolute("/sitemap.xml")}\n",
            "text/plain",
            Encoding.UTF8);

    private string Under(string path) => Infrastructure.SitePaths.Under(Request.PathBase, path);

    /// <summary>The pages a crawler should know: the sections, every entry with a page of its own, every tag.</summary>
    public static IEnumerable<(string Path, DateTime? Modified)> PublicPages(ContentIndex index)
    {
        string[] sections = [SiteUrls.Home, SiteUrls.Credentials, SiteUrls.Programs, SiteUrls.Certifications, SiteUrls.Badges, SiteUrls.Guides, SiteUrls.Tags, SiteUrls.Timeline, SiteUrls.Cv];
        foreach (var section in sections)
        {
            yield return (section, null);
        }

        foreach (var entry in index.Entries.Where(e => EntryUrls.HasPage(e.Kind)))
        {
            yield return (entry.Url, entry.LastChanged);
        }

        foreach (var tag in index.Tags)
        {
            yield return (SiteUrls.Tag(tag.Slug), null);
        }
    }

    private static List<(IndexedEntry Entry, DateTime Updated)> FeedEntries(ContentIndex index) =>
        index.Entries
            .Where(e => EntryUrls.HasPage(e.Kind))
            // An undated entry was last updated when its file last changed, which stays put across restarts.
            .Select(e => (Entry: e, Updated: e.LastChanged ?? index.ParentOf(e)?.Date ?? e.ImportedAt))
            .OrderByDescending(e => e.Updated).ThenBy(e => e.Entry.Kind).ThenBy(e => e.Entry.Order).ThenBy(e => e.Entry.Title, StringComparer.Ordinal)
            .ToList();

    private static string Timestamp(DateTime date) =>
        DateTime.SpecifyKind(date, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Link(XmlWriter writer, string href, string rel, string type)
    {
        writer.WriteStartElement("link", Atom);
        writer.WriteAttributeString("rel", rel);
        writer.WriteAttributeString("type", type);
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    private ContentResult Xml(string contentType, Action<XmlWriter> write)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriterUtf8(builder), new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            write(writer);
        }

        return Content(builder.ToString(), contentType + "; charset=utf-8");
    }

    /// <summary>A string writer that declares UTF-8, as the response is.</summary>
    private sealed class StringWriterUtf8(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
