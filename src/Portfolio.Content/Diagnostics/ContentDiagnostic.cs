namespace Portfolio.Content.Diagnostics;

/// <summary>How bad a content problem is: an error skips the file, a warning only reports.</summary>
public enum DiagnosticSeverity
{
    Warning = 1,
    Error = 2,
}

/// <summary>One problem found in a content file, located by 1-based line and column.</summary>
public sealed record ContentDiagnostic(string Path, int Line, int Column, DiagnosticSeverity Severity, string Message)
{
    /// <summary>True when the problem keeps the file from loading.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The compiler-style line: <c>path:line:column: error: message</c>.</summary>
    public override string ToString() =>
        $"{Path}:{Line}:{Column}: {(IsError ? "error" : "warning")}: {Message}";
}
