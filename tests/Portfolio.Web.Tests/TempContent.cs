namespace Portfolio.Web.Tests;

/// <summary>A copy of the repository's content folder, or of its seeds, in a temporary directory, deleted with the test.</summary>
public sealed class TempContent : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "portfolio-web-tests", Guid.NewGuid().ToString("N"));

    public string Content => Path.Combine(Root, "content");

    public string Database => Path.Combine(Root, "data", "portfolio.db");

    public static string RepositoryRoot { get; } = FindRoot();

    private static string Source => Path.Combine(RepositoryRoot, "content");

    /// <summary>The content the repository started with (<see cref="Portfolio.Tests.SeedContent"/>).</summary>
    public static string[] Seeds => Portfolio.Tests.SeedContent.Files;

    /// <summary>A copy of the whole content folder of the repository.</summary>
    public static TempContent WithRepositoryContent() =>
        WithFiles(Directory.EnumerateFiles(Source, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Source, f)));

    /// <summary>A copy of the seeds of the repository's content folder (<see cref="Seeds"/>).</summary>
    public static TempContent WithSeedContent() => WithFiles(Seeds);

    private static TempContent WithFiles(IEnumerable<string> paths)
    {
        var folder = new TempContent();
        foreach (var path in paths)
        {
            var target = Path.Combine(folder.Content, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Source, path), target);
        }

        return folder;
    }

    public void Write(string relativePath, string text) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public void Write(string relativePath, byte[] bytes)
    {
        var target = Path.Combine(Content, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the system's temp cleaning.
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Portfolio.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Portfolio.sln not found above " + AppContext.BaseDirectory);
    }
}
