using Markdig.Extensions.TaskLists;
using Markdig.Syntax;

namespace Portfolio.Content.Markdown;

/// <summary>How many task-list items ("- [ ]", "- [x]") some text has, and how many of them are checked.</summary>
public readonly record struct TaskProgress(int Done, int Total)
{
    /// <summary>The task-list items of the blocks, however deeply listed or quoted.</summary>
    public static TaskProgress Of(IEnumerable<Block> blocks)
    {
        var done = 0;
        var total = 0;
        foreach (var item in blocks.SelectMany(MarkdownWalk.InlinesIn<TaskList>))
        {
            total++;
            done += item.Checked ? 1 : 0;
        }

        return new TaskProgress(done, total);
    }

    /// <summary>How far the items are done, from 0 to 100; 0 when there are none.</summary>
    public int Percent => Total == 0 ? 0 : Done * 100 / Total;
}
