using System.Text.Json;
using System.Net;
using System.Text.RegularExpressions;

namespace Portfolio.Content.Tests.Markdown;

/// <summary>
/// The owner's five documents render as they did before callouts, highlighted code and task-list progress were added:
/// every entry's body, as text and as HTML, against a snapshot taken from the renderer of commit f043e49.
/// </summary>
/// <remarks>
/// The snapshot is <c>SeedBodies.snapshot.json</c> beside this file. To change it on purpose (a rendering change meant
/// to show on the owner's pages), run this test with <c>PORTFOLIO_WRITE_SNAPSHOT=1</c>: it rewrites the file and fails
/// once, so that the diff is reviewed and committed rather than taken silently.
/// </remarks>
public sealed class SeedRenderingTests
{
    private static readonly string[] SeedFiles =
        [TestContent.Nanodegree, TestContent.CourseNotes, TestContent.CourseRoadmap, TestContent.Specialty, TestContent.Guide];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string SnapshotPath =
        Path.Combine(TestContent.RepositoryRoot, "tests", "Portfolio.Content.Tests", "Markdown", "SeedBodies.snapshot.json");

    private static SortedDictionary<string, string> CurrentBodies()
    {
        var bodies = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in SeedFiles)
        {
            foreach (var entry in TestContent.LoadRepositoryFile(path).Entries)
            {
                bodies.Add(entry.Key, entry.Html.Replace("\r\n", "\n", StringComparison.Ordinal));
            }
        }

        return bodies;
    }

    /// <summary>What a reader sees of the HTML: its text without tags, entities decoded.</summary>
    private static string TextOf(string html) => WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", ""));

    [Fact]
    public void Every_entry_of_the_owners_documents_renders_as_in_the_snapshot()
    {
        var current = CurrentBodies();
        if (Environment.GetEnvironmentVariable("PORTFOLIO_WRITE_SNAPSHOT") == "1")
        {
            File.WriteAllText(SnapshotPath, JsonSerializer.Serialize(current, Indented) + "\n");
            Assert.Fail($"{SnapshotPath} was rewritten; review its diff, commit it, and run again without PORTFOLIO_WRITE_SNAPSHOT");
        }

        var snapshot = JsonSerializer.Deserialize<SortedDictionary<string, string>>(File.ReadAllText(SnapshotPath))!;

        Assert.Equal(snapshot.Keys, current.Keys);
        Assert.All(snapshot, pair => Assert.Equal(TextOf(pair.Value), TextOf(current[pair.Key])));
        Assert.All(snapshot, pair => Assert.Equal(pair.Value, current[pair.Key]));
    }
}
