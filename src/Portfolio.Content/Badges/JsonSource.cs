using System.Text;
using System.Text.Json;

namespace Portfolio.Content.Badges;

/// <summary>
/// A badge's JSON text and where it sits in its file, to point a problem at the line and column of a property (written
/// as "credentialSubject.achievement.name" or "evidence[0]"). JSON inside a PNG chunk or a JWT has no lines of the
/// file: its problems point at where the credential starts.
/// </summary>
internal sealed class JsonSource(byte[] utf8, int line, int column, bool linesOfFile)
{
    private Dictionary<string, int>? _offsets;

    /// <summary>The UTF-8 text.</summary>
    public byte[] Utf8 { get; } = utf8;

    /// <summary>JSON that is the whole file (or text in it that keeps its lines, as in an SVG).</summary>
    public static JsonSource OfFile(byte[] utf8, int line = 1, int column = 1) => new(utf8, line, column, linesOfFile: true);

    /// <summary>JSON whose lines are not the file's (decoded from a JWT or a PNG chunk), located at where it starts.</summary>
    public static JsonSource Embedded(byte[] utf8, int line = 1, int column = 1) => new(utf8, line, column, linesOfFile: false);

    /// <summary>Where a property (or the value at an array index) is written; where the JSON starts when it is not found.</summary>
    public (int Line, int Column) LocationOf(string? path)
    {
        _offsets ??= Offsets();
        return path is not null && _offsets.TryGetValue(path, out var offset) ? InFile(offset) : (line, column);
    }

    /// <summary>Where the JSON starts in the file.</summary>
    public (int Line, int Column) Start => (line, column);

    /// <summary>Where System.Text.Json stopped reading malformed JSON.</summary>
    public (int Line, int Column) LocationOfError(JsonException exception)
    {
        if (exception.LineNumber is not { } lineNumber)
        {
            return (line, column);
        }

        var start = 0;
        for (var i = 0; i < lineNumber && start >= 0; i++)
        {
            var next = Array.IndexOf(Utf8, (byte)'\n', start);
            start = next < 0 ? -1 : next + 1;
        }

        return start < 0 ? (line, column) : InFile(start + (int)Math.Min(exception.BytePositionInLine ?? 0, Utf8.Length - start));
    }

    private (int Line, int Column) InFile(int offset)
    {
        if (!linesOfFile)
        {
            return (line, column);
        }

        var before = Utf8.AsSpan(0, Math.Min(offset, Utf8.Length));
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var lineInText = before.Count((byte)'\n');
        var columnInLine = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return lineInText == 0 ? (line, column + columnInLine - 1) : (line + lineInText, columnInLine);
    }

    /// <summary>The byte offset of every property name and array item, by path.</summary>
    private Dictionary<string, int> Offsets()
    {
        var offsets = new Dictionary<string, int>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(Utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var containers = new Stack<(string Path, bool IsArray, int Count)>();
        var property = "";
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var parent = containers.Count == 0 ? "" : containers.Peek().Path;
                        property = (parent.Length == 0 ? "" : parent + ".") + reader.GetString();
                        offsets.TryAdd(property, start);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        continue;
                }

                var path = property;
                if (containers.TryPeek(out var container) && container.IsArray)
                {
                    containers.Pop();
                    path = $"{container.Path}[{container.Count}]";
                    containers.Push(container with { Count = container.Count + 1 });
                    offsets.TryAdd(path, start);
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                }
            }
        }
        catch (JsonException)
        {
            // The text was parsed before it is located in: a malformed tail only leaves its paths unknown.
        }

        return offsets;
    }
}
