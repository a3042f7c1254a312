using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Portfolio.Content.Data;

namespace Portfolio.Content.Tests.Data;

/// <summary>Contexts use the compiled model in Data/Compiled, and it is the model PortfolioDbContext describes.</summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void Contexts_use_the_compiled_model()
    {
        using var db = NewContext();

        Assert.IsType<Portfolio.Content.Data.Compiled.PortfolioDbContextModel>(db.Model);
    }

    [Fact]
    public void The_compiled_model_has_the_tables_columns_keys_and_indexes_the_code_describes()
    {
        using var db = NewContext();
        // Built from conventions and the context's own description, as EF builds it when there is no compiled model.
        var described = db.GetService<IModelSource>().GetModel(db, db.GetService<ModelCreationDependencies>(), designTime: false);

        // Regenerate with `dotnet tool restore` and the `dotnet ef dbcontext optimize` command in README when this fails.
        Assert.Equal(Schema(described), Schema(db.Model));
    }

    [Fact]
    public void The_script_that_creates_the_tables_is_the_one_the_model_gives()
    {
        using var db = NewContext();

        // Regenerate with scripts/compile-model.sh when this fails.
        Assert.Equal(db.Database.GenerateCreateScript().ReplaceLineEndings().Trim(), PortfolioDatabase.CreateTablesScript.Value.ReplaceLineEndings().Trim());
    }

    private static PortfolioDbContext NewContext() =>
        new(PortfolioDatabase.Options(new SqliteConnection("Data Source=:memory:")));

    /// <summary>The relational model as text: each table's columns with their types, keys, indexes and foreign keys.</summary>
    private static string Schema(IModel model)
    {
        var text = new StringBuilder();
        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"table {table.Name}");
            foreach (var column in table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                text.AppendLine($"  column {column.Name} {column.StoreType} {(column.IsNullable ? "null" : "not null")}");
            }

            if (table.PrimaryKey is { } key)
            {
                text.AppendLine($"  key {string.Join(",", key.Columns.Select(c => c.Name))}");
            }

            foreach (var index in table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal))
            {
                text.AppendLine($"  index {index.Name} {string.Join(",", index.Columns.Select(c => c.Name))} {(index.IsUnique ? "unique" : "")}");
            }

            foreach (var foreignKey in table.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                text.AppendLine($"  foreign key {foreignKey.Name} {string.Join(",", foreignKey.Columns.Select(c => c.Name))} → {foreignKey.PrincipalTable.Name} {foreignKey.OnDeleteAction}");
            }
        }

        foreach (var entityType in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            foreach (var property in entityType.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                text.AppendLine($"{entityType.Name}.{property.Name} {property.ClrType.Name} converter {property.GetValueConverter()?.GetType().Name ?? property.GetTypeMapping().Converter?.GetType().Name ?? "none"}");
            }
        }

        return text.ToString();
    }
}
