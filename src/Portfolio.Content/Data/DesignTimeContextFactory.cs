using Microsoft.EntityFrameworkCore.Design;

namespace Portfolio.Content.Data;

/// <summary>The context for EF's design-time tools (dotnet ef dbcontext optimize), which need only its model.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<PortfolioDbContext>
{
    public PortfolioDbContext CreateDbContext(string[] args) => new(PortfolioDatabase.Options(new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:")));
}
