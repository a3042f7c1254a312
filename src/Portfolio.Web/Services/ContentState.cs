using Portfolio.Content.Import;

namespace Portfolio.Web.Services;

/// <summary>What the site knows about its content: the last import's report and when it finished.</summary>
public sealed class ContentState
{
    private readonly TaskCompletionSource _firstImport = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The report of the last import; null until one has finished.</summary>
    public ImportReport? LastReport { get; private set; }

    /// <summary>When the last import finished.</summary>
    public DateTimeOffset? LastImportAt { get; private set; }

    /// <summary>Why the last import could not run at all, if it could not (the database could not be written, say).</summary>
    public string? LastFailure { get; private set; }

    private string? _databaseProblem;

    /// <summary>Why the database was last found unusable while the site ran, until an import has built it again.</summary>
    public string? DatabaseProblem => Volatile.Read(ref _databaseProblem);

    /// <summary>When the database was last built again after it was found damaged or deleted, and why.</summary>
    public (DateTimeOffset At, string Reason)? LastRebuild { get; private set; }

    /// <summary>Raised when a request or a check finds the database unusable: the import service builds it again.</summary>
    public event Action? DatabaseFaulted;

    /// <summary>How many imports have finished since start-up.</summary>
    public int Imports { get; private set; }

    /// <summary><see cref="Imports"/> as text, for the page cache's key, made once per import rather than per request.</summary>
    public string ImportsKey { get; private set; } = "0";

    /// <summary>Completes when the first import after start-up has finished, well or not.</summary>
    public Task FirstImport => _firstImport.Task;

    /// <summary>Records that the database cannot serve (deleted, damaged) and asks for it to be built again; true the first time for this problem.</summary>
    public bool ReportDatabaseProblem(string reason)
    {
        // Requests may find the problem at the same moment: the first reason stays, and only the first is logged.
        var first = Interlocked.CompareExchange(ref _databaseProblem, reason, null) is null;
        DatabaseFaulted?.Invoke();
        return first;
    }

    public void Completed(ImportReport report, DateTimeOffset at)
    {
        if (report.DatabaseRebuilt is { } rebuilt)
        {
            LastRebuild = (at, rebuilt);
        }

        Volatile.Write(ref _databaseProblem, null);
        LastReport = report;
        LastImportAt = at;
        LastFailure = null;
        Imports++;
        ImportsKey = Imports.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _firstImport.TrySetResult();
    }

    public void Failed(string reason, DateTimeOffset at)
    {
        LastFailure = reason;
        LastImportAt ??= at;
        _firstImport.TrySetResult();
    }
}
