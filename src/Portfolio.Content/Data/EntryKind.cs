namespace Portfolio.Content.Data;

/// <summary>What an entry is; stored as text so the database reads plainly.</summary>
public enum EntryKind
{
    /// <summary>A learning programme such as a nanodegree.</summary>
    Program,

    /// <summary>A capstone project of a program, from its "Capstone Projects" section.</summary>
    Capstone,

    /// <summary>A course-note document that belongs to a program.</summary>
    CourseNote,

    /// <summary>A certification, earned or in preparation.</summary>
    Certification,

    /// <summary>A study guide made of parts and modules.</summary>
    Guide,

    /// <summary>A part of a guide that groups modules ("Part I").</summary>
    GuidePart,

    /// <summary>A chapter of a guide: a numbered module, or an unnumbered chapter such as the introduction.</summary>
    GuideModule,

    /// <summary>A page outside the known folders.</summary>
    Page,
}

/// <summary>How entry kinds read to a visitor.</summary>
public static class EntryKinds
{
    /// <summary>"Capstone project", "Guide module": what an entry is, in a word or two.</summary>
    public static string DisplayName(this EntryKind kind) => kind switch
    {
        EntryKind.Program => "Program",
        EntryKind.Capstone => "Capstone project",
        EntryKind.CourseNote => "Course notes",
        EntryKind.Certification => "Certification",
        EntryKind.Guide => "Guide",
        EntryKind.GuideModule => "Guide module",
        EntryKind.GuidePart => "Guide part",
        _ => "Page",
    };
}
