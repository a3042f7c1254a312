namespace Portfolio.Content.Data;

/// <summary>Where each entry's page is on the site: the one place its address is made, for the importer and the site alike.</summary>
public static class EntryUrls
{
    /// <summary>The page of an entry; a part of a guide is an anchor on the guide's page, a page outside the known folders the home page.</summary>
    public static string Of(EntryKind kind, string slug, string? parentSlug) => kind switch
    {
        EntryKind.Program => $"/programs/{slug}",
        EntryKind.Capstone => $"/programs/{parentSlug}/capstones/{slug}",
        EntryKind.CourseNote => $"/programs/{parentSlug}/notes/{slug}",
        EntryKind.Certification => $"/certifications/{slug}",
        EntryKind.Guide => $"/guides/{slug}",
        EntryKind.GuideModule => $"/guides/{parentSlug}/{slug}",
        EntryKind.GuidePart => $"/guides/{parentSlug}#{slug}",
        _ => "/",
    };

    /// <summary>True for the kinds that have a page of their own.</summary>
    public static bool HasPage(EntryKind kind) => kind is not (EntryKind.GuidePart or EntryKind.Page);

    /// <summary>The slug of the parent named by a parent key ("program:aws-ml" → "aws-ml"); null for no parent.</summary>
    public static string? ParentSlugOf(string parentKey) =>
        parentKey.Length == 0 ? null : parentKey[(parentKey.LastIndexOf(':') + 1)..];
}
