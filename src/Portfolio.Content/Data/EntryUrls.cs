namespace Portfolio.Content.Data;

/// <summary>The address of each entry's page: the site serves them there, and links between entries are written with them at import.</summary>
public static class EntryUrls
{
    /// <summary>A program's page.</summary>
    public static string Program(string slug) => $"/programs/{slug}";

    /// <summary>A capstone project's page, under its program.</summary>
    public static string Capstone(string program, string slug) => $"/programs/{program}/capstones/{slug}";

    /// <summary>A course note's page, under its program.</summary>
    public static string CourseNote(string program, string slug) => $"/programs/{program}/notes/{slug}";

    /// <summary>A certification's page.</summary>
    public static string Certification(string slug) => $"/certifications/{slug}";

    /// <summary>A badge's page; its image and original file are served beneath it.</summary>
    public static string Badge(string slug) => $"/badges/{slug}";

    /// <summary>A guide's page.</summary>
    public static string Guide(string slug) => $"/guides/{slug}";

    /// <summary>A guide module's page, under its guide.</summary>
    public static string Module(string guide, string slug) => $"/guides/{guide}/{slug}";

    /// <summary>The page of an entry; a part of a guide is an anchor on the guide's page, and a page outside the known folders has none but the home page.</summary>
    public static string Of(EntryKind kind, string slug, string? parentSlug) => kind switch
    {
        EntryKind.Program => Program(slug),
        EntryKind.Capstone => Capstone(parentSlug!, slug),
        EntryKind.CourseNote => CourseNote(parentSlug!, slug),
        EntryKind.Certification => Certification(slug),
        EntryKind.Guide => Guide(slug),
        EntryKind.GuideModule => Module(parentSlug!, slug),
        EntryKind.GuidePart => Guide(parentSlug!) + "#" + slug,
        EntryKind.Badge => Badge(slug),
        _ => "/",
    };

    /// <summary>True for the kinds that have a page of their own.</summary>
    public static bool HasPage(EntryKind kind) => kind is not (EntryKind.GuidePart or EntryKind.Page);

    /// <summary>The slug of the parent named by a parent key ("program:aws-ml" → "aws-ml"); null for no parent.</summary>
    public static string? ParentSlugOf(string parentKey) =>
        parentKey.Length == 0 ? null : parentKey[(parentKey.LastIndexOf(':') + 1)..];
}
