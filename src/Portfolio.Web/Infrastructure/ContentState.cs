using Portfolio.Content.Import;

namespace Portfolio.Web.Infrastructure;

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

    /// <summary>How many imports have finished since start-up.</summary>
    public int Imports { get; private set; }

    /// <summary>Completes when the first import after start-up has finished, well or not.</summary>
    public Task FirstImport => _firstImport.Task;

    public void Completed(ImportReport report, DateTimeOffset at)
    {
        LastReport = report;
        LastImportAt = at;
        LastFailure = null;
        Imports++;
        _firstImport.TrySetResult();
    }

    public void Failed(string reason, DateTimeOffset at)
    {
        LastFailure = reason;
        LastImportAt ??= at;
        _firstImport.TrySetResult();
    }
}
