using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
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
        Assert.True(PortfolioDatabase.EnsureSchema(db));
        db.Database.OpenConnection();
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('Entries', 'EntryBodies', 'Tags', 'TagAliases', 'EntryTags', 'SourceFiles', 'Diagnostics', 'Meta')";
        Assert.Equal(8L, command.ExecuteScalar());
    }
}
