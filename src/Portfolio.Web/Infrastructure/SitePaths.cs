using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using System.Text.RegularExpressions;

namespace Portfolio.Web.Infrastructure;

/// <summary>
/// The site writes its own links as site paths ("/programs/x": SiteUrls, the index, the links stored in bodies at
/// import); a page is answered under the request's PathBase (see SiteAddress.PathBaseOf), which is put in front of them
/// as the page is written: in views by <see cref="SitePathTagHelper"/>, in stored bodies by <see cref="InHtml"/>.
/// </summary>
public static partial class SitePaths
{
    /// <summary>True for a path from the site's root ("/x"), not for "//host/x", a full URL, a fragment or "~/x".</summary>
    public static bool IsSitePath(ReadOnlySpan<char> url) => url.Length > 0 && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\'));

    /// <summary>The URL under the path base when it is a site path; anything else as it is.</summary>
    public static string Under(PathString pathBase, string url) => pathBase.HasValue && IsSitePath(url) ? pathBase.ToUriComponent() + url : url;

    /// <summary>
    /// The body HTML of an entry with its href and src site paths under the path base. Only attributes can hold
    /// <c>href="</c>: the renderers escape every quote of the text and of code as &amp;quot;.
    /// </summary>
    public static string InHtml(PathString pathBase, string html) =>
        pathBase.HasValue ? SitePathAttribute().Replace(html, WebUtility.HtmlEncode(pathBase.ToUriComponent()) + "/") : html;

    /// <summary>An entry's body as stored at import, for a view to write: its links under the request's PathBase.</summary>
    public static IHtmlContent EntryBody(this IHtmlHelper html, string body) => new HtmlString(InHtml(html.ViewContext.HttpContext.Request.PathBase, body));

    [GeneratedRegex("""(?<=\s(?:href|src)=")/(?![/\\])""")]
    private static partial Regex SitePathAttribute();
}
