namespace Portfolio.Content.Diagnostics;

/// <summary>
/// The problems of the items of one list. Items that repeat a problem (the same message, as a YAML alias repeats its
/// value) are one diagnostic, at the first of them, that says how many items have it and on which lines.
/// </summary>
internal sealed class ListProblems(DiagnosticBag diagnostics)
{
    private readonly List<(int Line, int Column, string Message, bool IsError)> _problems = [];

    /// <summary>Notes an item's problem that keeps the file from loading.</summary>
    public void Error(int line, int column, string message) => _problems.Add((line, column, message, true));

    /// <summary>Notes an item's problem that only reports.</summary>
    public void Warning(int line, int column, string message) => _problems.Add((line, column, message, false));

    /// <summary>Reports each distinct problem once.</summary>
    public void Report()
    {
        foreach (var group in _problems.GroupBy(p => (p.Message, p.IsError)))
        {
            var (line, column, message, isError) = group.First();
            var count = group.Count();
            var lines = group.Select(p => p.Line).Distinct().ToList();
            var more = count == 1 ? ""
                : lines.Count == 1 ? $" ({count} items like this)"
                : $" ({count} items like this, on lines {string.Join(", ", lines)})";
            if (isError)
            {
                diagnostics.Error(line, column, message + more);
            }
            else
            {
                diagnostics.Warning(line, column, message + more);
            }
        }

        _problems.Clear();
    }
}
