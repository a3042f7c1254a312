using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Content.Data.Compiled;
using Portfolio.ModelCompiler;

namespace Portfolio.Content.Tests.Data;

/// <summary>The compiled EF model in src/Portfolio.Content/Data/Compiled is the one OnModelCreating describes, and is used.</summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void CommittedModelMatchesOnModelCreating()
    {
        using var folder = new TempFolder();
        var generated = CompiledModelWriter.Write(folder.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var committedFolder = Path.Combine(TestContent.RepositoryRoot, CompiledModelWriter.Folder);
        var committed = Directory.EnumerateFiles(committedFolder, "*.cs").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(generated, committed);
        foreach (var name in generated)
        {
            // Line endings aside, the files are the generator's output: regenerate with `dotnet run --project tools/Portfolio.ModelCompiler`.
            Assert.Equal(
                File.ReadAllText(Path.Combine(folder.Root, name!)).ReplaceLineEndings(),
                File.ReadAllText(Path.Combine(committedFolder, name!)).ReplaceLineEndings());
        }
    }

    [Fact]
    public void ContextsUseTheCompiledModel()
    {
        using var folder = new TempFolder();
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(Path.Combine(folder.Root, "portfolio.db")));

        Assert.IsType<Portfolio.Content.Data.Compiled.PortfolioDbContextModel>(db.Model);
        // The schema created from it holds every table of the model.
        db.Database.OpenConnection();
        Assert.True(PortfolioDatabase.EnsureSchema((Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection()));
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('Entries', 'EntryBodies', 'Tags', 'TagAliases', 'EntryTags', 'SourceFiles', 'Diagnostics', 'Meta')";
        Assert.Equal(8L, command.ExecuteScalar());
    }

    [Fact]
    public void GeneratedRowsReadAndWriteAsEfDoes()
    {
        using var folder = new TempFolder();
        var options = PortfolioDatabase.Options(Path.Combine(folder.Root, "portfolio.db"));
        // Written by the importer through the generated rows, from the repository's content (programs and certifications
        // with every credential field, capstones with theirs).
        new Portfolio.Content.Import.ContentImporter(TimeProvider.System).Import(TestContent.ContentFolder, options);

        using var db = new PortfolioDbContext(options);
        var entries = db.Entries.AsNoTracking().OrderBy(e => e.Id).ToList();
        Assert.Contains(entries, e => e.Credential is { Status: CredentialStatus.Earned, Issuer: not null });
        Assert.Contains(entries, e => e.Credential is { Status: CredentialStatus.InPreparation });
        Assert.Contains(entries, e => e.Capstone is { Objective: not null });

        // Read through the generated readers, each owned type matches what EF reads, property by property.
        db.Database.OpenConnection();
        using var command = db.Database.GetDbConnection().CreateCommand();
        var credential = PortfolioDbContextRows.CredentialColumns;
        var capstone = PortfolioDbContextRows.CapstoneColumns;
        command.CommandText = $"SELECT {string.Join(", ", credential.Concat(capstone).Select(c => $"\"{c}\""))} FROM Entries ORDER BY Id";
        using var reader = command.ExecuteReader();
        foreach (var entry in entries)
        {
            Assert.True(reader.Read());
            AssertSame(entry.Credential, PortfolioDbContextRows.ReadCredential(reader, 0));
            AssertSame(entry.Capstone, PortfolioDbContextRows.ReadCapstone(reader, credential.Length));
        }

        Assert.False(reader.Read());
    }

    private static void AssertSame<T>(T? expected, T? actual)
        where T : class
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is null)
        {
            return;
        }

        foreach (var property in typeof(T).GetProperties())
        {
            Assert.Equal(property.GetValue(expected), property.GetValue(actual));
        }
    }
}
