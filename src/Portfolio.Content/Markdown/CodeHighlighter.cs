using System.Collections.Frozen;
using System.Text.RegularExpressions;
using ColorCode;
using ColorCode.Common;
using ColorCode.Styling;

namespace Portfolio.Content.Markdown;

/// <summary>
/// Fenced code coloured by ColorCode as spans with classes (<c>tok-keyword</c>, <c>tok-string</c>, …) that site.css
/// colours, so that pages need no inline style. Languages are ColorCode's, by its names and aliases, and a few more names.
/// </summary>
internal static class CodeHighlighter
{
    /// <summary>
    /// Names a fence commonly uses for a language ColorCode has under another name. There is no bash, shell or YAML in
    /// ColorCode: those stay plain rather than be coloured by a grammar that is not theirs.
    /// </summary>
    private static readonly FrozenDictionary<string, string> MoreNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["python3"] = "python", ["py3"] = "python",
        ["mjs"] = "javascript", ["cjs"] = "javascript", ["node"] = "javascript",
        ["pwsh"] = "powershell", ["ps"] = "powershell", ["psm1"] = "powershell",
        ["htm"] = "html", ["xhtml"] = "html",
        ["svg"] = "xml", ["xaml"] = "xml", ["csproj"] = "xml", ["xsd"] = "xml", ["xslt"] = "xml",
        ["cc"] = "cpp", ["cxx"] = "cpp", ["h"] = "cpp", ["hpp"] = "cpp",
        ["vbnet"] = "vb.net",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>ColorCode's many scopes as the few token classes site.css colours; other scopes get a span without a class.</summary>
    private static readonly StyleDictionary Tokens = TokenStyles();

    /// <summary>The formatter keeps the writer of the call in progress in a field, so each thread has its own.</summary>
    [ThreadStatic]
    private static HtmlClassFormatter? t_formatter;

    /// <summary>The ColorCode language a fence's info string names, or null when ColorCode has none by that name.</summary>
    public static ILanguage? LanguageOf(string? info)
    {
        if (string.IsNullOrWhiteSpace(info))
        {
            return null;
        }

        var name = MoreNames.GetValueOrDefault(info, info).ToLowerInvariant();
        return Languages.FindById(name);
    }

    /// <summary>
    /// The code as HTML: escaped text and token spans, without a wrapping element; null when ColorCode gives up on it
    /// (its grammars stop after a second on a pathological line).
    /// </summary>
    public static string? Highlight(string code, ILanguage language)
    {
        string html;
        try
        {
            html = (t_formatter ??= new HtmlClassFormatter(Tokens)).GetHtmlString(code, language);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }

        // The formatter wraps the code in <div class="…"><pre> and a line break, and a line break and </pre></div>.
        var start = html.IndexOf("<pre>", StringComparison.Ordinal);
        var end = html.LastIndexOf("</pre>", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return null;
        }

        start += "<pre>".Length;
        start += html.AsSpan(start).StartsWith("\r\n") ? 2 : html.AsSpan(start).StartsWith("\n") ? 1 : 0;
        end -= html.AsSpan(start, end - start).EndsWith("\r\n") ? 2 : html.AsSpan(start, end - start).EndsWith("\n") ? 1 : 0;
        return html[start..end];
    }

    private static StyleDictionary TokenStyles()
    {
        var styles = new StyleDictionary();
        void Add(string token, params string[] scopes)
        {
            foreach (var scope in scopes)
            {
                styles.Add(new Style(scope) { ReferenceName = "tok-" + token });
            }
        }

        Add("comment", ScopeName.Comment, ScopeName.HtmlComment, ScopeName.XmlComment, ScopeName.XmlDocComment, ScopeName.XmlDocTag);
        Add("keyword", ScopeName.Keyword, ScopeName.ControlKeyword, ScopeName.PreprocessorKeyword, ScopeName.PseudoKeyword, ScopeName.Intrinsic);
        Add("string", ScopeName.String, ScopeName.StringCSharpVerbatim, ScopeName.JsonString, ScopeName.HtmlAttributeValue,
            ScopeName.XmlAttributeValue, ScopeName.CssPropertyValue, ScopeName.XmlCDataSection, ScopeName.MarkdownCode);
        Add("number", ScopeName.Number, ScopeName.JsonNumber, ScopeName.JsonConst, ScopeName.BuiltinValue);
        Add("type", ScopeName.Type, ScopeName.TypeVariable, ScopeName.ClassName, ScopeName.NameSpace, ScopeName.Constructor, ScopeName.PowerShellType);
        Add("function", ScopeName.BuiltinFunction, ScopeName.SqlSystemFunction, ScopeName.PowerShellCommand, ScopeName.Predefined);
        Add("tag", ScopeName.HtmlElementName, ScopeName.XmlName, ScopeName.CssSelector, ScopeName.MarkdownHeader);
        Add("attr", ScopeName.HtmlAttributeName, ScopeName.XmlAttribute, ScopeName.CssPropertyName, ScopeName.JsonKey,
            ScopeName.Attribute, ScopeName.PowerShellAttribute, ScopeName.PowerShellParameter);
        Add("variable", ScopeName.PowerShellVariable);
        Add("escape", ScopeName.StringEscape, ScopeName.HtmlEntity, ScopeName.SpecialCharacter);
        Add("em", ScopeName.MarkdownEmph);
        Add("strong", ScopeName.MarkdownBold);
        return styles;
    }
}
