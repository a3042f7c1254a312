using Portfolio.Content.Loading;

namespace Portfolio.Content.Tests;

/// <summary>Paths of the repository's content, the owner's five files and the other seeds in it, and temporary content folders for tests.</summary>
internal static class TestContent
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ContentFolder => Path.Combine(RepositoryRoot, "content");

    public const string Nanodegree = "programs/aws-machine-learning-engineer-nanodegree/index.md";
    public const string CourseNotes = "programs/aws-machine-learning-engineer-nanodegree/course-notes.md";
    public const string CourseRoadmap = "programs/aws-machine-learning-engineer-nanodegree/course-roadmap.md";
    public const string Specialty = "certifications/aws-certified-machine-learning-specialty.md";
    public const string Guide = "guides/aws-machine-learning-engineering.md";

    /// <summary>A program whose two capstones share a title: the program links the second, the second links the first.</summary>
    public const string ProgramWithRepeatedCapstoneTitle = """
        # Nanodegree
        Compare [the first](#project-1-image-classifier) with [the retake](#project-2-image-classifier).

        ## Capstone Projects

        ### Project 1: Image Classifier
        - **Objective:** Classify.
        - **Implementation:** A CNN.
        - **Technologies:** PyTorch
        - **Outcome:** It works.

        ### Project 2: Image Classifier
        - **Objective:** Classify again.
        - **Implementation:** A bigger CNN.
        - **Technologies:** PyTorch
        - **Outcome:** It works better; see [the first](#project-1-image-classifier).
        """;

    /// <summary>The content the repository started with (<see cref="Portfolio.Tests.SeedContent"/>).</summary>
    public static string[] Seeds => Portfolio.Tests.SeedContent.Files;

    /// <summary>Loads a file of the repository's content folder as the importer would, with its sidecar when asked.</summary>
    public static LoadedDocument LoadRepositoryFile(string path, bool withSidecar = true)
    {
        var full = Path.Combine(ContentFolder, path);
        var sidecar = withSidecar ? ContentPaths.SidecarCandidates(path).FirstOrDefault(p => File.Exists(Path.Combine(ContentFolder, p))) : null;
        var file = new ContentFile(path, File.ReadAllBytes(full), sidecar, sidecar is null ? null : File.ReadAllBytes(Path.Combine(ContentFolder, sidecar)));
        return ContentLoader.Load(file, p => File.Exists(Path.Combine(ContentFolder, p)));
    }

    /// <summary>Loads text as a file at the given path, in a content folder that holds only the listed other files.</summary>
    public static LoadedDocument Load(string path, string text, params string[] otherFiles) =>
        Load(path, System.Text.Encoding.UTF8.GetBytes(text), otherFiles);

    public static LoadedDocument Load(string path, byte[] bytes, params string[] otherFiles) =>
        ContentLoader.Load(new ContentFile(path, bytes), p => p == path || otherFiles.Contains(p));

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

/// <summary>A content folder in a temporary directory, deleted with the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "portfolio-tests", Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Root);

    public string Content => Path.Combine(Root, "content");

    public string Database => Path.Combine(Root, "data", "portfolio.db");

    /// <summary>A copy of the repository's content folder.</summary>
    public static TempFolder WithRepositoryContent() =>
        WithFiles(Directory.EnumerateFiles(TestContent.ContentFolder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(TestContent.ContentFolder, f)));

    /// <summary>A copy of the seeds of the repository's content folder (<see cref="TestContent.Seeds"/>).</summary>
    public static TempFolder WithSeedContent() => WithFiles(TestContent.Seeds);

    private static TempFolder WithFiles(IEnumerable<string> paths)
    {
        var folder = new TempFolder();
        foreach (var path in paths)
        {
            var target = Path.Combine(folder.Content, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(TestContent.ContentFolder, path), target);
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

    public void Delete(string relativePath) => File.Delete(Path.Combine(Content, relativePath));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the temp folder is cleaned by the system.
        }
    }
}
