namespace Portfolio.Content.Text;

/// <summary>The URL form of a tag name, case-insensitive, keeping C#, CI/CD and Node.js distinct and readable.</summary>
public static class TagSlug
{
    /// <summary>The slug of a tag name: "C#" is "c-sharp", "CI/CD" is "ci-cd", "Node.js" is "node-js", "machine learning" is "machine-learning".</summary>
    public static string From(string name) => Slug.Build(name, symbolWords: true);
}
