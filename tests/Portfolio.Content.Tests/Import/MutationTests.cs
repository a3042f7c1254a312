using System.Text;
using Portfolio.Content.Data;
using Portfolio.Content.Import;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Tests.Import;

/// <summary>
/// Seeded random damage to the owner's files (cut, duplicate and swap lines, flip bytes, insert Markdown and YAML
/// punctuation, truncate): every one loads, or is reported with a line, and none reaches the loader's last-resort catch.
/// </summary>
public sealed class MutationTests
{
    private const int CasesPerSeed = 700;

    private static readonly string[] Seeds = [TestContent.Nanodegree, TestContent.CourseNotes, TestContent.CourseRoadmap, TestContent.Specialty, TestContent.Guide];

    private static readonly string[] Fragments =
        ["---\n", "```\n", "# ", "## Capstone Projects\n", "### Project 9: X\n", "- **Outcome:** ", "[", "](", "![", "**", "    1. ", ": ", "\t", "\"", "'", "&", "<", "\n\n", "date: nope\n", "tags: {a: 1}\n", "# Part IV:\n", "# Module 0\n", "\uFEFF", "\r"];

    /// <summary>One damaged copy of a file; the same seed number gives the same damage.</summary>
    internal static byte[] Mutate(byte[] original, Random random)
    {
        var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
        switch (random.Next(7))
        {
            case 0 when lines.Count > 2:
                var start = random.Next(lines.Count);
                lines.RemoveRange(start, Math.Min(lines.Count - start, 1 + random.Next(20)));
                break;
            case 1 when lines.Count > 2:
                var from = random.Next(lines.Count);
                lines.InsertRange(random.Next(lines.Count), lines.Skip(from).Take(1 + random.Next(10)).ToList());
                break;
            case 2 when lines.Count > 2:
                var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                (lines[a], lines[b]) = (lines[b], lines[a]);
                break;
            case 3:
                var bytes = (byte[])original.Clone();
                var flips = 1 + random.Next(6);
                for (var i = 0; i < flips && bytes.Length > 0; i++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 + random.Next(255));
                }

                return bytes;
            case 4:
                var text = Encoding.UTF8.GetString(original);
                var at = random.Next(text.Length + 1);
                return Encoding.UTF8.GetBytes(text[..at] + Fragments[random.Next(Fragments.Length)] + text[at..]);
            case 5:
                return original[..random.Next(original.Length + 1)];
            default:
                var edits = 1 + random.Next(5);
                for (var i = 0; i < edits && lines.Count > 0; i++)
                {
                    var line = random.Next(lines.Count);
                    lines[line] = Fragments[random.Next(Fragments.Length)] + lines[line];
                }

                break;
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    public static TheoryData<string> SeedPaths => [.. Seeds];

    [Theory]
    [MemberData(nameof(SeedPaths))]
    public void Damaged_files_load_or_are_reported_at_a_line_and_never_throw(string seed)
    {
        var original = File.ReadAllBytes(Path.Combine(TestContent.ContentFolder, seed));
        var random = new Random(seed.Length * 7919);
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var bytes = Mutate(original, random);

            var document = ContentLoader.Load(new ContentFile(seed, bytes), _ => false);

            Assert.False(document.Diagnostics.Exists(d => d.Message.Contains("internal error", StringComparison.Ordinal)),
                $"case {i} of {seed}: {string.Join(" | ", document.Diagnostics)}");
            Assert.True(document.Entries.Count > 0 || document.Diagnostics.Exists(d => d.IsError), $"case {i} of {seed}: neither loaded nor reported");
            Assert.All(document.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1, $"case {i} of {seed}: {d}"));
            Assert.All(document.Entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Title), $"case {i} of {seed}: an entry without a title"));
        }
    }

    [Fact]
    public void A_folder_of_damaged_files_imports_without_throwing_and_keeps_the_rest()
    {
        using var folder = TempFolder.WithRepositoryContent();
        var random = new Random(20261121);
        for (var i = 0; i < 150; i++)
        {
            var seed = Seeds[i % Seeds.Length];
            var bytes = Mutate(File.ReadAllBytes(Path.Combine(TestContent.ContentFolder, seed)), random);
            var kind = seed.Split('/')[0];
            folder.Write($"{kind}/mutant-{i:D3}.md", bytes);
        }

        var importer = new ContentImporter(TimeProvider.System);
        var report = importer.Import(folder.Content, PortfolioDatabase.Options(folder.Database));
        var again = importer.Import(folder.Content, PortfolioDatabase.Options(folder.Database));

        Assert.DoesNotContain(report.Diagnostics, d => d.Message.Contains("internal error", StringComparison.Ordinal));
        Assert.Equal(report.Summary, again.Summary);
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(folder.Database));
        Assert.Equal("AWS Certified Machine Learning - Specialty", db.Entries.Single(e => e.Slug == "aws-certified-machine-learning-specialty").Title);
        Assert.True(db.Entries.Count() > 13, $"{db.Entries.Count()} entries");
    }
}
