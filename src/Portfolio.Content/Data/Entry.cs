using Portfolio.Content.Markdown;

namespace Portfolio.Content.Data;

/// <summary>One page-worthy piece of content: a program, capstone, course note, certification, badge, guide, part or module.</summary>
public sealed class Entry
{
    public int Id { get; set; }

    public EntryKind Kind { get; set; }

    /// <summary>Unique within the kind and the parent.</summary>
    public required string Slug { get; set; }

    /// <summary>The parent's key ("program/aws-ml") for uniqueness, known before the parent is resolved.</summary>
    public string ParentKey { get; set; } = "";

    public int? ParentId { get; set; }

    public Entry? Parent { get; set; }

    public List<Entry> Children { get; set; } = [];

    public required string Title { get; set; }

    /// <summary>How the entry is numbered in its parent: "Module 1", "Part I", "Introduction", "Project 2".</summary>
    public string? Label { get; set; }

    public int? Number { get; set; }

    /// <summary>Position among its siblings, in the order of the source.</summary>
    public int Order { get; set; }

    public string? Description { get; set; }

    /// <summary>True when the description is the start of the text rather than written for it, so pages need not repeat it.</summary>
    public bool DescriptionIsExcerpt { get; set; }

    public string? Summary { get; set; }

    public string? Category { get; set; }

    public DateTime? Date { get; set; }

    /// <summary>When the page was last changed, as its front matter says (lastmod, updated, last_update.date).</summary>
    public DateTime? Updated { get; set; }

    public bool IsDraft { get; set; }

    /// <summary>The page's picture for link previews: a site path under the content's asset URL, or an http(s) URL.</summary>
    public string? Image { get; set; }

    /// <summary>Who wrote the page, as its front matter names them; none means the site's owner.</summary>
    public List<string> Authors { get; set; } = [];

    public string Html { get; set; } = "";

    public List<TocItem> Toc { get; set; } = [];

    public int WordCount { get; set; }

    public int ReadingMinutes { get; set; }

    public int SourceFileId { get; set; }

    public SourceFile? SourceFile { get; set; }

    /// <summary>The source file relative to the content folder, with '/' separators.</summary>
    public required string SourcePath { get; set; }

    public int SourceLine { get; set; }

    /// <summary>Front matter keys the site does not interpret, kept for views.</summary>
    public Dictionary<string, string> Extra { get; set; } = [];

    /// <summary>Labelled facts from the text, such as "Provider" or "Focus" in a program overview.</summary>
    public Dictionary<string, string> Facts { get; set; } = [];

    public CapstoneDetails? Capstone { get; set; }

    public CredentialDetails? Credential { get; set; }

    /// <summary>For a badge: its format, issuer, pictures, original file and what was checked.</summary>
    public BadgeDetails? Badge { get; set; }

    /// <summary>For a guide: how many modules it says it will have.</summary>
    public int? PlannedModules { get; set; }

    /// <summary>How many task-list items ("- [ ]", "- [x]") its text has; for the first entry of a file, the whole file's.</summary>
    public int TaskItems { get; set; }

    /// <summary>How many of its task-list items are checked.</summary>
    public int TaskItemsDone { get; set; }

    /// <summary>Sets <see cref="TaskItems"/> and <see cref="TaskItemsDone"/>.</summary>
    public void SetTasks(TaskProgress tasks) => (TaskItemsDone, TaskItems) = (tasks.Done, tasks.Total);

    /// <summary>For a guide module: the part that groups it.</summary>
    public int? PartId { get; set; }

    public Entry? Part { get; set; }

    public List<EntryTag> Tags { get; set; } = [];

    /// <summary>
    /// The ids of the source file's headings that lead to this entry, each with the fragment a link keeps: the id itself
    /// for a heading the page shows, "" for the heading that is the entry's title or one its page shows otherwise.
    /// </summary>
    public Dictionary<string, string> Anchors { get; set; } = [];

    public List<Topic> Topics { get; set; } = [];

    /// <summary>Old addresses of the page, answered with a redirect to it.</summary>
    public List<Redirect> Redirects { get; set; } = [];

    /// <summary>Unique across the site: "program:aws-ml", "program:aws-ml/capstone:vision"; children name their parent by it.</summary>
    public string Key { get; set; } = "";

    /// <summary>Sets <see cref="Key"/> from the kind, slug and parent key.</summary>
    public void UpdateKey() => Key = KeyOf(Kind, Slug, ParentKey);

    /// <summary>The key of an entry of a kind, slug and parent key.</summary>
    public static string KeyOf(EntryKind kind, string slug, string parentKey) =>
        (parentKey.Length == 0 ? "" : parentKey + "/") + kind.ToString().ToLowerInvariant() + ":" + slug;
}
