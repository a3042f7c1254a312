using System.Xml;

namespace Portfolio.Content.Badges;

/// <summary>
/// Reads the credential an Open Badges baker put into an SVG: the text (or CDATA) of an &lt;openbadges:credential&gt;
/// (3.0) or &lt;openbadges:assertion&gt; (2.0) element, or a compact JWT in its 'verify' attribute.
/// </summary>
internal static class SvgBadge
{
    private const string Version3 = "https://purl.imsglobal.org/ob/v3p0";
    private const string Version2 = "http://openbadges.org";

    /// <summary>True when the bytes look like XML (after a BOM and whitespace) rather than JSON or a JWT.</summary>
    public static bool LooksLikeXml(string text) => text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n').StartsWith('<');

    /// <summary>The badge text of an SVG, or why there is none.</summary>
    public static BakedText Read(string text)
    {
        // Issuers' SVGs carry the SVG 1.1 DOCTYPE: it is skipped, never processed, and nothing is fetched.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var info = (IXmlLineInfo)reader;
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "svg")
            {
                return BakedText.Failure($"the file is XML but not an SVG: its root element is <{reader.Name}>", info.LineNumber, info.LinePosition);
            }

            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || !IsBadgeElement(reader))
                {
                    continue;
                }

                var where = $"the SVG's <{reader.Name}> element";
                var (line, column) = (info.LineNumber, info.LinePosition);
                var verify = reader.GetAttribute("verify");
                var (content, contentLine, contentColumn) = ContentOf(reader, info);
                if (content.Trim().Length > 0)
                {
                    return new BakedText(content, where, contentLine, contentColumn);
                }

                if (verify is not null && CompactJwt.LooksLikeJwt(verify.Trim()))
                {
                    return new BakedText(verify.Trim(), where + "'s verify attribute", line, column);
                }

                return BakedText.Failure(verify is null
                    ? $"{where} is empty: it holds no credential"
                    : $"{where} only points at a hosted assertion ({verify}), which is not fetched: the site reads no network; put the assertion's JSON in the element", line, column);
            }

            return BakedText.Failure(
                "the SVG holds no Open Badges credential: it has no <openbadges:credential> (Open Badges 3.0) or <openbadges:assertion> (2.0) element; bake the credential into it, or put the credential's JSON in badges/ instead");
        }
        catch (XmlException ex)
        {
            return BakedText.Failure($"the SVG is not well-formed XML: {ex.Message}", ex.LineNumber, ex.LinePosition);
        }
    }

    /// <summary>An element of the Open Badges namespaces (or written with the openbadges prefix) named credential or assertion.</summary>
    private static bool IsBadgeElement(XmlReader reader) =>
        reader.LocalName is "credential" or "assertion"
        && (reader.NamespaceURI is Version3 or Version2 || reader.Prefix == "openbadges");

    /// <summary>The element's text and CDATA, with where the first of them starts; the reader ends on the element's end.</summary>
    private static (string Text, int Line, int Column) ContentOf(XmlReader reader, IXmlLineInfo info)
    {
        if (reader.IsEmptyElement)
        {
            return ("", 0, 0);
        }

        var text = new System.Text.StringBuilder();
        int line = 0, column = 0;
        var depth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                if (text.Length == 0)
                {
                    (line, column) = (info.LineNumber, info.LinePosition);
                }

                text.Append(reader.Value);
            }        }

        return (text.ToString(), line, column);
    }
}
