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

    /// <summary>An Open Badge from badges/: a credential an issuer handed out as a file.</summary>
    Badge,
}

/// <summary>How entry kinds read to a visitor and in URLs.</summary>
public static class EntryKinds
{
    /// <summary>"course-note", "guide-module": the kind as it is written in a query or in JSON.</summary>
    public static string Slug(this EntryKind kind) => kind switch
    {
        EntryKind.CourseNote => "course-note",
        EntryKind.GuideModule => "guide-module",
        EntryKind.GuidePart => "guide-part",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads a kind from its slug, singular or plural.</summary>
    public static bool TryParseSlug(string text, out EntryKind kind)
    {
        var singular = text.EndsWith('s') ? text[..^1] : text;
        foreach (var candidate in Enum.GetValues<EntryKind>())
        {
            if (candidate.Slug().Equals(singular, StringComparison.OrdinalIgnoreCase) || candidate.Slug().Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

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
        EntryKind.Badge => "Badge",
        _ => "Page",
    };
}
