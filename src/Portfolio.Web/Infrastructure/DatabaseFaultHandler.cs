using Microsoft.AspNetCore.Diagnostics;

using Portfolio.Web.Services;

namespace Portfolio.Web.Infrastructure;

/// <summary>
/// A request that fails on the database gets the 503 page with Retry-After rather than a 500 (see UsePortfolio), and
/// when the file is gone or damaged, the database is built again from the content folder.
/// </summary>
internal sealed class DatabaseFaultHandler(DatabaseFaults faults) : IExceptionHandler
{
    public ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (DatabaseFaults.Find(exception) is { } fault)
        {
            faults.Report(fault);
        }

        // Not handled here: the exception handler renders /error with the status that StatusFor chose.
        return ValueTask.FromResult(false);
    }

    /// <summary>503 for a failure of the database, which passes; 500 for anything else.</summary>
    public static int StatusFor(Exception exception) =>
        DatabaseFaults.Find(exception) is not null || exception is DatabaseRebuildingException ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
}
