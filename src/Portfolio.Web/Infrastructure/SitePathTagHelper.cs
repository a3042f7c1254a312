using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Portfolio.Web.Infrastructure;

/// <summary>
/// Puts the request's PathBase in front of every site path a view writes in a link, a form, an image or a script
/// (<c>href="@SiteUrls.Tags"</c> becomes /portfolio/tags under /portfolio), so that views and view models keep writing
/// site paths. Runs before the framework's own helpers, which resolve "~/" with the same PathBase.
/// </summary>
[HtmlTargetElement("a", Attributes = "href")]
[HtmlTargetElement("link", Attributes = "href", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("form", Attributes = "action")]
[HtmlTargetElement("img", Attributes = "src", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("script", Attributes = "src")]
public sealed class SitePathTagHelper(HtmlEncoder encoder) : TagHelper
{
    private static readonly string[] UrlAttributes = ["href", "action", "src"];

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override int Order => -10_000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var pathBase = ViewContext.HttpContext.Request.PathBase;
        if (!pathBase.HasValue)
        {
            return;
        }

        foreach (var name in UrlAttributes)
        {
            if (!output.Attributes.TryGetAttribute(name, out var attribute))
            {
                continue;
            }

            switch (attribute.Value)
            {
                case string url when SitePaths.IsSitePath(url):
                    output.Attributes.SetAttribute(new TagHelperAttribute(name, SitePaths.Under(pathBase, url), attribute.ValueStyle));
                    break;
                case IHtmlContent html when Encoded(html) is { } encoded && SitePaths.IsSitePath(encoded):
                    output.Attributes.SetAttribute(new TagHelperAttribute(name, new HtmlString(encoder.Encode(pathBase.ToUriComponent()) + encoded), attribute.ValueStyle));
                    break;
            }
        }
    }

    private string Encoded(IHtmlContent html)
    {
        if (html is HtmlString text)
        {
            return text.Value ?? "";
        }

        using var writer = new StringWriter();
        html.WriteTo(writer, encoder);
        return writer.ToString();
    }
}
