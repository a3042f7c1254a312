using Portfolio.Content.Data;
using Portfolio.Content.Markdown;

namespace Portfolio.Web.ViewModels;

/// <summary>A tag as a link, with how many entries carry it (or would be found with it added).</summary>
public sealed record TagLink(string Slug, string Name, int Count);

/// <summary>
/// A program, certification or badge as a card, with its state on the day it is shown: for one in its renewal window,
/// the days left before it expires; for one in preparation, the day of its exam when one is planned; a badge's picture.
/// </summary>
public sealed record CredentialCard(
    string Url,
    string Title,
    EntryKind Kind,
    string? GrantedBy,
    string? Code,
    DateTime? Date,
    CredentialState State,
    DateTime? Expires,
    string? Description,
    IReadOnlyList<TagLink> Tags,
    int? ExpiresInDays = null,
    DateTime? ExamDate = null,
    string? Image = null,
    DateTime? ValidFrom = null)
{
    public string KindName => Kind.DisplayName();
}

/// <summary>Any entry as a link in a list: a capstone, a note, a module.</summary>
public sealed record EntryCard(
    string Url,
    string Title,
    EntryKind Kind,
    string? Label,
    string? Description,
    int ReadingMinutes,
    IReadOnlyList<TagLink> Tags,
    TaskProgress Tasks = default);
