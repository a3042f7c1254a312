namespace Portfolio.Tests;

/// <summary>
/// The content the repository started with (the owner's five documents, the certification in preparation, their
/// sidecars, site.yml and tags.yml), one list for the test projects that link this file: tests that count entries,
/// files, tags or warnings count these, so content added to the repository since leaves them as they are.
/// </summary>
internal static class SeedContent
{
    public static readonly string[] Files =
    [
        "site.yml", "tags.yml",
        "programs/aws-machine-learning-engineer-nanodegree/index.md",
        "programs/aws-machine-learning-engineer-nanodegree/course-notes.md", "programs/aws-machine-learning-engineer-nanodegree/course-notes.yml",
        "programs/aws-machine-learning-engineer-nanodegree/course-roadmap.md", "programs/aws-machine-learning-engineer-nanodegree/course-roadmap.yml",
        "certifications/aws-certified-machine-learning-specialty.md", "certifications/aws-certified-machine-learning-specialty.yml",
        "certifications/aws-certified-machine-learning-engineer-associate.md",
        "guides/aws-machine-learning-engineering.md", "guides/aws-machine-learning-engineering.yml",
    ];
}
