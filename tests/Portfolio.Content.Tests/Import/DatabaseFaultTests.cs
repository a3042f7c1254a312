using Microsoft.Data.Sqlite;
using Portfolio.Content.Data;
using Portfolio.Content.Import;

namespace Portfolio.Content.Tests.Import;

/// <summary>The database is a cache of the content folder: a damaged or deleted file is built again by the next import.</summary>
public sealed class DatabaseFaultTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.WithSeedContent();
    private readonly ContentImporter _importer = new(TimeProvider.System);

    public void Dispose() => _folder.Dispose();

    private ImportReport Import() => _importer.Import(_folder.Content, PortfolioDatabase.Options(_folder.Database));

    /// <summary>Counts entries through a connection of its own, outside every pool, so it sees the file on disk.</summary>
    private long EntriesOnDisk()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _folder.Database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM Entries";
        return (long)command.ExecuteScalar()!;
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    [InlineData("zeroed pages")]
    public void A_damaged_file_is_deleted_and_built_again(string damage)
    {
        Assert.Null(Import().DatabaseRebuilt);
        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(_folder.Database);
        File.WriteAllBytes(_folder.Database, damage switch
        {
            "garbage" => [.. Enumerable.Range(0, bytes.Length).Select(i => (byte)(i * 31 + 7))],
            "truncated" => bytes[..(bytes.Length / 3)],
            // The header stays, every page after the first is zeros: the schema points at pages that are not there.
            _ => [.. bytes[..16384], .. new byte[bytes.Length - 16384]],
        });

        var report = Import();

        Assert.NotNull(report.DatabaseRebuilt);
        // The file's name, not where it lives: the reason is shown on /healthz.
        Assert.StartsWith("the database file portfolio.db was deleted and built again", report.DatabaseRebuilt, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder.Root, report.DatabaseRebuilt, StringComparison.Ordinal);
        Assert.Equal(13, report.Entries);
        Assert.Equal(13, EntriesOnDisk());
        Assert.Null(PortfolioDatabase.ProblemWith(_folder.Database));
    }

    [Fact]
    public void A_file_deleted_while_a_pooled_connection_holds_it_is_created_again()
    {
        Import();
        // A pooled connection, as the site holds them, opened on the file before it is deleted.
        using (var db = new PortfolioDbContext(PortfolioDatabase.Options(_folder.Database)))
        {
            Assert.Equal(13, db.Entries.Count());
        }

        File.Delete(_folder.Database);
        Assert.Equal("it was deleted", PortfolioDatabase.ProblemWith(_folder.Database));

        var report = Import();

        Assert.Equal(13, report.Entries);
        Assert.Equal(13, EntriesOnDisk());
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_reported_as_such()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_folder.Database)!);
        File.WriteAllText(_folder.Database, "these are not the bytes of a database");

        Assert.Equal("it is not a SQLite database", PortfolioDatabase.ProblemWith(_folder.Database));
        Assert.NotNull(Import().DatabaseRebuilt);
        Assert.Null(PortfolioDatabase.ProblemWith(_folder.Database));
    }
}
