using System.Text;
using Portfolio.Content.Data;
using Portfolio.Content.Import;

namespace Portfolio.Content.Tests.Import;

/// <summary>
/// A folder of bad and odd files beside the owner's: the importer never throws, never follows a link out of the folder,
/// reports each bad file (at its line where one applies) and still loads every good file.
/// </summary>
public sealed class HostileContentTests : IDisposable
{
    // The seeds: what the repository's content folder gains since (badges, say) is not what these tests count.
    private readonly TempFolder _folder = TempFolder.WithSeedContent();

    public void Dispose() => _folder.Dispose();

    /// <summary>Bad files by path, with the start of the message each must be reported with.</summary>
    private static readonly Dictionary<string, (byte[] Bytes, string Message)> Bad = new()
    {
        ["certifications/alias-bomb.md"] = (Bytes(AliasBomb()), "front matter is too large or too deeply nested"),
        ["certifications/tabs-in-yaml.md"] = (Bytes("---\ntitle: x\n\tdate: 2024-01-01\n---\n"), "front matter is not valid YAML"),
        ["certifications/duplicate-keys.md"] = (Bytes("---\ntitle: a\ntitle: b\n---\n"), "the key 'title' appears twice"),
        ["certifications/seventeen-megabytes.md"] = (Bytes("# Big\n\n" + new string('a', 17 * 1024 * 1024)), "the file is larger than 16 MB"),
        ["guides/deep-lists.md"] = (Bytes("# Deep\n\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', 2 * i) + "- x\n"))), "the Markdown is nested too deeply"),
        ["guides/deep-quotes.md"] = (Bytes("# Quotes\n\n" + new string('>', 5000) + " x\n"), "the Markdown is nested too deeply"),
        ["guides/deep-emphasis.md"] = (Bytes("# Em\n\n" + new string('*', 20000) + "x" + new string('*', 20000) + "\n"), "the Markdown is nested too deeply"),
        ["guides/deep-brackets.md"] = (Bytes("# Br\n\n" + new string('[', 20000) + "x" + new string(']', 20000) + "\n"), "the Markdown is nested too deeply"),
        ["certifications/nul-bytes.md"] = (new byte[4096], "the file contains a NUL byte"),
        ["certifications/invalid-utf8.md"] = ([.. "# T\n\n"u8, 0xC3, 0x28, .. "\n"u8], "invalid UTF-8 byte 0xC3"),
        ["certifications/windows-1252.md"] = ([.. "---\ntitle: Caf"u8, 0xE9, .. "\n---\n"u8], "invalid UTF-8 byte 0xE9"),
        ["certifications/utf16.md"] = ([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("# Title\n")], "the file is UTF-16"),
        ["certifications/empty.md"] = ([], "the file is empty"),
        ["certifications/whitespace.md"] = (Bytes(" \n\t\n"), "the file has only whitespace"),
        ["certifications/unclosed.md"] = (Bytes("---\ntitle: never closed\n\n# Body\n"), "front matter opened with '---' on line 1 is never closed"),
        ["certifications/front-matter-list.md"] = (Bytes("---\n- a\n- b\n---\n"), "front matter must be a mapping"),
        ["certifications/bad-date.md"] = (Bytes("---\ntitle: x\ndate: 2024-13-45\n---\n"), "'date' must be a date"),
        ["certifications/tags-map.md"] = (Bytes("---\ntitle: x\ntags: {a: 1}\n---\n"), "'tags' must be a list of tag names"),
        ["certifications/binary-tag.md"] = (Bytes("---\ntitle: !!binary aGVsbG8=\ndate: [1, 2]\n---\n"), "'date' must be text"),
        ["certifications/unclosed-flow.md"] = (Bytes("---\ntags: [a, b\n---\n"), "front matter is not valid YAML"),
        ["certifications/bad-url.md"] = (Bytes("---\ntitle: x\nverification_url: file:///etc/passwd\n---\n"), "'verification_url' must be an http or https URL"),
        ["certifications/bad-slug.md"] = (Bytes("---\nslug: ../../etc\n---\n"), "'slug' must be a slug"),
        ["certifications/bad-kind.md"] = (Bytes("---\nkind: <script>\n---\n"), "'kind' must be program"),
        ["certifications/###.md"] = (Bytes("# No slug\n"), "the file name has no letters or digits"),
        ["certifications/duplicate-slug.md"] = (Bytes("---\ntitle: Copy\nslug: aws-certified-machine-learning-specialty\ndate: 2024-01-01\n---\n"), "duplicate slug"),
    };

    /// <summary>Odd files that load, with what is said about them (a warning) or nothing.</summary>
    private static readonly Dictionary<string, byte[]> Odd = new()
    {
        // A YAML type tag names no type here: the value is read as text, nothing is instantiated.
        ["certifications/python-tag.md"] = Bytes("---\ntitle: !!python/object:os.system x\ndate: 2024-01-01\n---\n"),
        ["certifications/bom-crlf.md"] = [.. "\uFEFF"u8, .. "---\r\ntitle: BOM\r\ndate: 2024-01-01\r\n---\r\n# BOM\r\n"u8],
        ["certifications/lone-cr.md"] = Bytes("---\rtitle: CR\rdate: 2024-01-01\r---\r# Body\r"),
        ["certifications/raw-html.md"] = Bytes("---\ntitle: Html\ndate: 2024-01-01\n---\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n"),
        ["certifications/javascript-links.md"] = Bytes("---\ntitle: Links\ndate: 2024-01-01\n---\n[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](data:text/html,x) <javascript:alert(1)>\n"),
        ["certifications/escape-link.md"] = Bytes("---\ntitle: Escape\ndate: 2024-01-01\n---\n[passwd](../../../../etc/passwd) ![i](/etc/passwd)\n"),
        ["certifications/long-line.md"] = Bytes("---\ntitle: Long\ndate: 2024-01-01\n---\n" + new string('x', 1_000_000) + "\n"),
        ["certifications/many-tags.md"] = Bytes("---\ntitle: Tags\ndate: 2024-01-01\ntags: [" + string.Join(", ", Enumerable.Range(0, 1000).Select(i => $"tag{i}")) + "]\n---\n"),
        ["certifications/odd-tags.md"] = Bytes("---\ntitle: Odd tags\ndate: 2024-01-01\ntags: [\"   \", \"😀\", \"!!!\", \"C#\", \"c#\", \"Ünïcödé\"]\n---\n"),
        ["certifications/long-title.md"] = Bytes($"---\ntitle: {new string('t', 10_000)}\ndate: 2024-01-01\n---\n"),
        ["certifications/extreme-dates.md"] = Bytes("---\ntitle: Dates\ndate: 0001-01-01\nexpires: 9999-12-31\n---\n"),
        ["certifications/numeric-title.md"] = Bytes("---\ntitle: 12345\ndate: 2024-01-01\n---\n"),
        ["certifications/many-keys.md"] = Bytes("---\ntitle: Keys\ndate: 2024-01-01\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"k{i}: v\n")) + "---\n"),
        ["certifications/entities.md"] = Bytes("---\ntitle: Entities\ndate: 2024-01-01\n---\n&#x10FFFF; &#0; &#xD800; &nosuch; " + string.Concat(Enumerable.Repeat("&amp;", 10000)) + "\n"),
        ["certifications/wide-table.md"] = Bytes("---\ntitle: Table\ndate: 2024-01-01\n---\n|" + string.Concat(Enumerable.Repeat(" a |", 1000)) + "\n|" + string.Concat(Enumerable.Repeat("---|", 1000)) + "\n"),
        ["certifications/unclosed-fence.md"] = Bytes("---\ntitle: Fence\ndate: 2024-01-01\n---\n```\nnever closed\n"),
        ["certifications/front-matter-only.md"] = Bytes("---\ntitle: Only\ndate: 2024-01-01\n---\n"),
        ["programs/no-capstones/index.md"] = Bytes("---\ntitle: No capstones\ndate: 2024-01-01\n---\n## Capstone Projects\n\nNone yet.\n"),
        ["guides/many-modules.md"] = Bytes("# Many\n\n" + string.Concat(Enumerable.Range(1, 500).Select(i => $"# Module {i}: M{i}\n\nText {i}.\n\n"))),
        ["guides/repeated-modules.md"] = Bytes("# Repeat\n\n# Module 1: A\n\nx\n\n# Module 1: B\n\ny\n"),
        ["guides/many-headings.md"] = Bytes("# H\n\n" + string.Concat(Enumerable.Range(0, 5000).Select(i => $"## H{i}\n\ntext\n\n"))),
        ["misc/unknown-folder.md"] = Bytes("# Somewhere else\n"),
    };

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string AliasBomb()
    {
        var yaml = new StringBuilder("---\ntitle: bomb\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }

        return yaml.Append("---\n").ToString();
    }

    private ImportReport ImportEverything()
    {
        foreach (var (path, (bytes, _)) in Bad)
        {
            _folder.Write(path, bytes);
        }

        foreach (var (path, bytes) in Odd)
        {
            _folder.Write(path, bytes);
        }

        // Things that are not Markdown files at all.
        Directory.CreateDirectory(Path.Combine(_folder.Content, "certifications", "directory.md"));
        _folder.Write("certifications/.hidden.md", "---\ntitle: Hidden\n---\n");
        _folder.Write("certifications/figure.png", Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="));
        File.CreateSymbolicLink(Path.Combine(_folder.Content, "certifications", "outside.md"), "/etc/passwd");
        Directory.CreateSymbolicLink(Path.Combine(_folder.Content, "guides", "outside-folder"), "/etc");
        _folder.Write("programs/stray.yml", "title: nobody\n");

        return new ContentImporter(TimeProvider.System).Import(_folder.Content, PortfolioDatabase.Options(_folder.Database));
    }

    [Fact]
    public void Each_markdown_file_is_a_source_file_and_nothing_else_is()
    {
        ImportEverything();

        // Not the folder named directory.md, the hidden file, the image, the stray YAML or what the symbolic links point at.
        var repository = TestContent.Seeds.Where(Portfolio.Content.Loading.ContentPaths.IsMarkdown);
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(_folder.Database));
        Assert.Equal(
            Bad.Keys.Concat(Odd.Keys).Concat(repository).Order(StringComparer.Ordinal),
            db.SourceFiles.Select(f => f.Path).Where(p => p != ImportWriter.FolderRowPath).AsEnumerable().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_bad_file_is_reported_and_every_good_file_still_loads()
    {
        var report = ImportEverything();

        foreach (var (path, (_, message)) in Bad)
        {
            var errors = report.Diagnostics.Where(d => d.IsError && (d.Path == path || d.Message.Contains(path, StringComparison.Ordinal))).ToList();
            Assert.True(errors.Count > 0, $"{path} is not reported");
            Assert.True(errors.Exists(e => e.Message.StartsWith(message, StringComparison.Ordinal) || e.Message.Contains(message, StringComparison.Ordinal)),
                $"{path}: {string.Join(" | ", errors)}");
            Assert.All(errors, e => Assert.True(e.Line >= 1 && e.Column >= 1));
        }

        Assert.DoesNotContain(report.Diagnostics, d => d.Message.Contains("internal error", StringComparison.Ordinal));
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(_folder.Database));
        var loaded = db.SourceFiles.Where(f => f.Loaded).Select(f => f.Path).ToHashSet();
        foreach (var path in Odd.Keys.Append(TestContent.Nanodegree).Append(TestContent.CourseNotes).Append(TestContent.CourseRoadmap).Append(TestContent.Guide))
        {
            Assert.Contains(path, loaded);
        }

        Assert.Contains(TestContent.Specialty, loaded);
        Assert.Equal("AWS Certified Machine Learning - Specialty", db.Entries.Single(e => e.Slug == "aws-certified-machine-learning-specialty").Title);
    }

    [Fact]
    public void Links_out_of_the_folder_are_not_followed_and_hidden_files_are_left_alone()
    {
        var report = ImportEverything();

        Assert.Contains(report.Diagnostics, d => d.Path == "certifications/outside.md" && d.Message.StartsWith("symbolic links are not followed", StringComparison.Ordinal));
        Assert.Contains(report.Diagnostics, d => d.Path == "guides/outside-folder" && d.Message.StartsWith("symbolic links are not followed", StringComparison.Ordinal));
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(_folder.Database));
        Assert.DoesNotContain(db.SourceFiles, f => f.Path.Contains("outside", StringComparison.Ordinal) || f.Path.Contains("hidden", StringComparison.Ordinal));
        Assert.DoesNotContain(db.Entries, e => e.Html.Contains("root:", StringComparison.Ordinal));
        var html = db.Entries.Select(e => e.Html).ToList();
        Assert.DoesNotContain(html, h => h.Contains("<script", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(html, h => h.Contains("<img src=x", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(html, h => h.Contains("href=\"javascript:", StringComparison.OrdinalIgnoreCase) || h.Contains("href=\"data:", StringComparison.OrdinalIgnoreCase));
    }
}
