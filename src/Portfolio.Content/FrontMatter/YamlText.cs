using Portfolio.Content.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Portfolio.Content.FrontMatter;

/// <summary>Loads YAML (front matter, tags.yml, site.yml, sidecars) and reports syntax errors at their line and column.</summary>
internal static class YamlText
{
    /// <summary>
    /// Loads the first document; false, with an error reported, when the text is not YAML. <paramref name="root"/> is
    /// null for an empty text. <paramref name="what"/> names the YAML in messages; <paramref name="consequence"/> ends them.
    /// </summary>
    public static bool TryLoad(string text, DiagnosticBag diagnostics, string what, string consequence, int lineOffset, out YamlNode? root)
    {
        root = null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            return true;
        }
        catch (YamlException ex)
        {
            var message = ex.Message.StartsWith("Duplicate key ", StringComparison.Ordinal)
                ? $"the key '{ex.Message["Duplicate key ".Length..]}' appears twice in {what}; expected each key once"
                : $"{what} is not valid YAML: {ex.Message.TrimEnd('.')}";
            diagnostics.Error((int)ex.Start.Line + lineOffset, (int)ex.Start.Column, message + consequence);
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet gives up on some unclosed flow collections without a position; point at the start of the YAML.
            diagnostics.Error(1 + lineOffset, 1, $"{what} is not valid YAML: an unclosed '[' or '{{' or a similar structure; check the brackets and quotes{consequence}");
            return false;
        }
    }
}
