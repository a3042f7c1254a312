namespace Portfolio.Content.Diagnostics;

/// <summary>Collects the diagnostics of one file; positions are given in that file's lines and columns.</summary>
public sealed class DiagnosticBag(string path)
{
    private readonly List<ContentDiagnostic> _items = [];

    /// <summary>The file the diagnostics belong to, relative to the content folder.</summary>
    public string Path { get; } = path;

    /// <summary>Everything reported so far, in the order it was reported.</summary>
    public IReadOnlyList<ContentDiagnostic> Items => _items;

    /// <summary>True once any error has been reported.</summary>
    public bool HasErrors => _items.Exists(d => d.IsError);

    /// <summary>Reports an error that keeps the file from loading.</summary>
    public void Error(int line, int column, string message) =>
        _items.Add(new ContentDiagnostic(Path, Math.Max(1, line), Math.Max(1, column), DiagnosticSeverity.Error, message));

    /// <summary>Reports something suspicious that still loads.</summary>
    public void Warning(int line, int column, string message) =>
        _items.Add(new ContentDiagnostic(Path, Math.Max(1, line), Math.Max(1, column), DiagnosticSeverity.Warning, message));
}
