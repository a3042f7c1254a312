namespace Portfolio.Web;

/// <summary>Resolves the configured content and database paths to full paths, so a fresh clone works from any folder inside it.</summary>
public sealed record ContentLocations(string ContentPath, string DatabasePath)
{
    /// <summary>Relative paths are looked up from the working folder upwards: `dotnet run --project src/Portfolio.Web` from the clone finds content/ at its top.</summary>
    public static ContentLocations Resolve(PortfolioOptions options, string workingDirectory)
    {
        var baseDirectory = workingDirectory;
        if (!Path.IsPathRooted(options.ContentPath))
        {
            for (var directory = new DirectoryInfo(workingDirectory); directory is not null; directory = directory.Parent)
            {
                if (Directory.Exists(Path.Combine(directory.FullName, options.ContentPath)))
                {
                    baseDirectory = directory.FullName;
                    break;
                }
            }
        }

        var content = Path.GetFullPath(options.ContentPath, baseDirectory);
        var database = Path.GetFullPath(options.DatabasePath, baseDirectory);
        return new ContentLocations(content, database);
    }
}
