namespace Portfolio.Web;

/// <summary>The settings under "Portfolio" (environment: Portfolio__ContentPath and so on).</summary>
public sealed class PortfolioOptions
{
    public const string Section = "Portfolio";

    /// <summary>The content folder; a relative path is found from the working folder or the nearest folder above it that has it.</summary>
    public string ContentPath { get; set; } = "content";

    /// <summary>The SQLite file; a relative path is taken from the folder that holds the content folder.</summary>
    public string DatabasePath { get; set; } = "data/portfolio.db";

    /// <summary>Show entries marked <c>draft: true</c>.</summary>
    public bool IncludeDrafts { get; set; }
}
