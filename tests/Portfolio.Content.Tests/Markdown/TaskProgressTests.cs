using Portfolio.Content.Data;
using Portfolio.Content.Import;
using Portfolio.Content.Markdown;

namespace Portfolio.Content.Tests.Markdown;

/// <summary>Task-list items count as progress: each module's its own, a guide's (or any file's first entry) the whole file's, stored by the import.</summary>
public sealed class TaskProgressTests
{
    private const string Guide = """
        # Study Guide
        Objectives for the whole guide:

        - [x] Book the exam
        - [ ] Sit a practice test

        # Module 1: Data
        - [x] Read the chapter
        - [X] Do the lab
        - [ ] Write a summary
          - [x] A nested item counts too

        > [!tip]- Stretch goals
        > - [ ] An item in a callout counts

        ```markdown
        - [ ] an item in code does not
        ```

        # Module 2: Models
        No objectives yet. A [ ] in running text is not an item, nor is this list:

        - [link](https://example.com)
        - plain item
        """;

    [Theory]
    [InlineData("- [x] one\n- [ ] two\n- [x] three", 2, 3)]
    [InlineData("1. [x] numbered\n2. [ ] lists too", 1, 2)]
    [InlineData("* [ ] starred\n+ [ ] plussed", 0, 2)]
    [InlineData("- [x] a\n  - [ ] nested\n    - [x] deeper", 2, 3)]
    [InlineData("> - [x] quoted", 1, 1)]
    [InlineData("No list at all, [x] in a sentence.", 0, 0)]
    [InlineData("- plain\n- items", 0, 0)]
    [InlineData("```\n- [x] code\n```\n\n    - [ ] indented code", 0, 0)]
    public void Task_items_are_counted_with_those_checked(string markdown, int done, int total) =>
        Assert.Equal(new TaskProgress(done, total), TaskProgress.Of(ContentMarkdown.Parse(markdown)));

    [Fact]
    public void Each_module_counts_its_own_items_and_the_guide_those_of_the_whole_file()
    {
        var document = TestContent.Load("guides/study.md", Guide);

        var guide = Assert.Single(document.Entries, e => e.Kind == EntryKind.Guide);
        var modules = document.Entries.Where(e => e.Kind == EntryKind.GuideModule).ToList();
        Assert.Equal(["Data", "Models"], modules.Select(m => m.Title));
        Assert.Equal([(3, 5), (0, 0)], modules.Select(m => (m.TaskItemsDone, m.TaskItems)));
        Assert.Equal((4, 7), (guide.TaskItemsDone, guide.TaskItems));
    }

    [Fact]
    public void The_owners_documents_have_no_task_items_and_so_no_progress()
    {
        string[] files = [TestContent.Nanodegree, TestContent.CourseNotes, TestContent.CourseRoadmap, TestContent.Specialty, TestContent.Guide];

        var entries = files.SelectMany(f => TestContent.LoadRepositoryFile(f).Entries).ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal((0, 0), (e.TaskItemsDone, e.TaskItems)));
    }

    [Fact]
    public void The_import_stores_each_entrys_progress_and_a_change_to_the_file_updates_it()
    {
        using var folder = new TempFolder();
        folder.Write("guides/study.md", Guide);
        var importer = new ContentImporter(TimeProvider.System);

        importer.Import(folder.Content, PortfolioDatabase.Options(folder.Database));
        Assert.Equal([("guide:study", 4, 7), ("guide:study/guidemodule:module-1", 3, 5), ("guide:study/guidemodule:module-2", 0, 0)], Stored(folder));

        folder.Write("guides/study.md", Guide.Replace("- [ ] Write a summary", "- [x] Write a summary", StringComparison.Ordinal));
        importer.Import(folder.Content, PortfolioDatabase.Options(folder.Database));
        Assert.Equal([("guide:study", 5, 7), ("guide:study/guidemodule:module-1", 4, 5), ("guide:study/guidemodule:module-2", 0, 0)], Stored(folder));
    }

    private static List<(string Key, int Done, int Total)> Stored(TempFolder folder)
    {
        using var db = new PortfolioDbContext(PortfolioDatabase.Options(folder.Database));
        return db.Entries.Where(e => e.Kind != EntryKind.GuidePart).OrderBy(e => e.Key).AsEnumerable()
            .Select(e => (e.Key, e.TaskItemsDone, e.TaskItems)).ToList();
    }
}
