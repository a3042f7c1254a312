using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Text;

/// <summary>A content file decoded to text with LF line endings, or the reason it could not be.</summary>
public static class SourceText
{
    /// <summary>Decodes UTF-8 (with or without BOM), normalising CRLF and CR to LF; reports and returns null otherwise.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        if (bytes.IsEmpty)
        {
            diagnostics.Error(1, 1, "the file is empty; expected Markdown, optionally with front matter between '---' lines");
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            diagnostics.Error(1, 1, "the file is UTF-16; expected UTF-8 text");
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (line, column) = Position(bytes, nul);
            diagnostics.Error(line, column, "the file contains a NUL byte; expected UTF-8 text, not binary data");
            return null;
        }

        if (!Utf8.IsValid(bytes))
        {
            var at = FirstInvalidByte(bytes);
            var (line, column) = Position(bytes, at);
            diagnostics.Error(line, column,
                $"invalid UTF-8 byte 0x{bytes[at]:X2}; expected UTF-8 text (was the file saved as Windows-1252 or Latin-1?)");
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes);
        if (text.Contains('\r'))
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Error(1, 1, "the file has only whitespace; expected Markdown, optionally with front matter between '---' lines");
            return null;
        }

        return text;
    }

    /// <summary>The 1-based line and column (in characters) of a byte offset.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        // Columns count characters, so only lead bytes of the line so far are counted.
        var column = 1;
        foreach (var b in before[lineStart..])
        {
            if ((b & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return (line, column);
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return bytes.Length - 1;
    }
}
