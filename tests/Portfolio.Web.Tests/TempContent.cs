namespace Portfolio.Web.Tests;

/// <summary>A copy of the repository's content folder in a temporary directory, deleted with the test.</summary>
public sealed class TempContent : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "portfolio-web-tests", Guid.NewGuid().ToString("N"));

    public string Content => Path.Combine(Root, "content");

    public string Database => Path.Combine(Root, "data", "portfolio.db");

    public static string RepositoryRoot { get; } = FindRoot();

    public static TempContent WithRepositoryContent()
    {
        var folder = new TempContent();
        var source = Path.Combine(RepositoryRoot, "content");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder.Content, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
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
