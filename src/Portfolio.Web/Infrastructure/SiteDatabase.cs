using Microsoft.Data.Sqlite;

namespace Portfolio.Web.Infrastructure;

/// <summary>
/// The site's connection to the database, for EF and for the reads that go without it: the content index (read again
/// after every import) and the health check. EF's first query costs about a quarter of a second of CPU, which these
/// reads, on the way to the first page, do not pay.
/// </summary>
public sealed class SiteDatabase(ContentLocations locations)
{
    /// <summary>
    /// ReadWrite without Create: requests never create the file; a file deleted under the site fails to open (and is
    /// built again by the import service) rather than reappearing empty.
    /// </summary>
    public string ConnectionString { get; } = new SqliteConnectionStringBuilder
    {
        DataSource = locations.DatabasePath,
        Mode = SqliteOpenMode.ReadWrite,
    }.ToString();

    /// <summary>An open connection (from SQLite's pool); the caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
