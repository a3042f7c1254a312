namespace Portfolio.Web.Tests;

/// <summary>A copy of the repository's content folder, or of its seeds, in a temporary directory, deleted with the test.</summary>
public sealed class TempContent : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "portfolio-web-tests", Guid.NewGuid().ToString("N"));

    public string Content => Path.Combine(Root, "content");

    public string Database => Path.Combine(Root, "data", "portfolio.db");

    public static string RepositoryRoot { get; } = FindRoot();

    private static string Source => Path.Combine(RepositoryRoot, "content");

    /// <summary>
    /// The content the repository started with (the owner's five documents, the certification in preparation, their
    /// sidecars, site.yml and tags.yml): tests that count entries, files, tags or warnings count these, so content added
    /// to the repository since leaves them as they are.
    /// </summary>
    public static readonly string[] Seeds =
    [
        "site.yml", "tags.yml",
        "programs/aws-machine-learning-engineer-nanodegree/index.md",
        "programs/aws-machine-learning-engineer-nanodegree/course-notes.md", "programs/aws-machine-learning-engineer-nanodegree/course-notes.yml",
        "programs/aws-machine-learning-engineer-nanodegree/course-roadmap.md", "programs/aws-machine-learning-engineer-nanodegree/course-roadmap.yml",
        "certifications/aws-certified-machine-learning-specialty.md", "certifications/aws-certified-machine-learning-specialty.yml",
        "certifications/aws-certified-machine-learning-engineer-associate.md",
        "guides/aws-machine-learning-engineering.md", "guides/aws-machine-learning-engineering.yml",
    ];

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
