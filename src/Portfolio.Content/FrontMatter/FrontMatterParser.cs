using Portfolio.Content.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Portfolio.Content.FrontMatter;

/// <summary>A file split into its front matter (if it starts with a '---' line) and its Markdown body.</summary>
public sealed record SplitDocument(string? Yaml, int YamlFirstLine, string Body, int BodyFirstLine);

/// <summary>Finds a file's front matter and reads it as a YAML mapping of fields.</summary>
public static class FrontMatterParser
{
    /// <summary>Splits off front matter: only a '---' on line 1 opens it; a later '---' is Markdown.</summary>
    public static SplitDocument? Split(string text, DiagnosticBag diagnostics)
    {
        if (!IsFence(FirstLine(text, 0), "---"))
        {
            return new SplitDocument(null, 0, text, 1);
        }

        var lineStart = text.IndexOf('\n') + 1;
        var line = 2;
        while (lineStart > 0 && lineStart <= text.Length)
        {
            var current = FirstLine(text, lineStart);
            if (IsFence(current, "---") || IsFence(current, "..."))
            {
                var yaml = text[(text.IndexOf('\n') + 1)..lineStart];
                var bodyStart = Math.Min(text.Length, lineStart + current.Length + 1);
                return new SplitDocument(yaml, 2, text[bodyStart..], line + 1);
            }

            var next = text.IndexOf('\n', lineStart);
            lineStart = next < 0 ? -1 : next + 1;
            line++;
        }

        diagnostics.Error(1, 1, "front matter opened with '---' on line 1 is never closed; expected a line '---' after the YAML");
        return null;
    }

    /// <summary>Parses a YAML mapping whose first line is <paramref name="firstLine"/> of the file; null when it is not valid YAML.</summary>
    public static FrontMatterFields? Parse(string yaml, int firstLine, DiagnosticBag diagnostics)
    {
        var fields = new FrontMatterFields();
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return fields;
        }

        var lineOffset = firstLine - 1;
        if (!YamlText.TryLoad(yaml, diagnostics, "front matter", "", lineOffset, out var root))
        {
            return null;
        }

        if (root is null)
        {
            return fields;
        }

        var reader = new FrontMatterFieldReader(fields, diagnostics, lineOffset);
        if (root is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return fields;
        }

        if (root is not YamlMappingNode mapping)
        {
            reader.Fail(root, $"front matter must be a mapping of keys to values; got {FrontMatterValueReader.Describe(root)}");
            return null;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } rawKey })
            {
                reader.Fail(keyNode, $"front matter keys must be plain names; got {FrontMatterValueReader.Describe(keyNode)}");
                continue;
            }

            reader.Read(rawKey, value);
        }

        return diagnostics.HasErrors ? null : fields;
    }

    private static string FirstLine(string text, int start)
    {
        var end = text.IndexOf('\n', start);
        return end < 0 ? text[start..] : text[start..end];
    }

    private static bool IsFence(string line, string fence) =>
        line.StartsWith(fence, StringComparison.Ordinal) && line.AsSpan(fence.Length).IsWhiteSpace();
}
