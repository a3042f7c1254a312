using Portfolio.Content.Diagnostics;

namespace Portfolio.Content.Import;

/// <summary>What an import or validation found: how many files and entries, and every problem, one a line.</summary>
public sealed record ImportReport(int Files, int Entries, int ParsedFiles, IReadOnlyList<ContentDiagnostic> Diagnostics, TimeSpan Duration)
{
    /// <summary>Why the database file was deleted and built again during this import, if it was.</summary>
    public string? DatabaseRebuilt { get; init; }

    public int Errors => Diagnostics.Count(d => d.IsError);

    public int Warnings => Diagnostics.Count(d => !d.IsError);

    /// <summary>"N files, N entries, N errors, N warnings".</summary>
    public string Summary => $"{Files} files, {Entries} entries, {Errors} errors, {Warnings} warnings";

    /// <summary>Writes every diagnostic, one a line, then the summary line.</summary>
    public void WriteTo(TextWriter writer)
    {
        foreach (var diagnostic in Diagnostics)
        {
            writer.WriteLine(diagnostic.ToString());
        }

        writer.WriteLine(Summary);
    }
}
