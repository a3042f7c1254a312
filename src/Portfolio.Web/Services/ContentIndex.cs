using Portfolio.Content.Data;
using Portfolio.Content.Loading;
using Portfolio.Content.Markdown;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services;

/// <summary>What lists, filters and counts need of one visible entry; its HTML stays in the database.</summary>
public sealed record IndexedEntry(
    int Id,
    string Key,
    EntryKind Kind,
    string Slug,
    string? ParentSlug,
    int? ParentId,
    string Title,
    string? Label,
    int? Number,
    int Order,
    string? Description,
    bool DescriptionIsExcerpt,
    DateTime? Date,
    DateTime? Updated,
    CredentialDetails? Credential,
    BadgeDetails? Badge,
    int ReadingMinutes,
    int? PlannedModules,
    TaskProgress Tasks,
    DateTime ImportedAt,
    IReadOnlyList<TagLink> Tags)
{
    public string Url => SiteUrls.Of(Kind, Slug, ParentSlug);

    public bool IsCredential => Kind is EntryKind.Program or EntryKind.Certification or EntryKind.Badge;

    /// <summary>The site address of a file a badge stores beneath its page ("image.svg" → "/badges/x/image.svg").</summary>
    public string? FileUrl(string? name) => name is null ? null : $"{Url}/{name}";

    /// <summary>When the page last changed, as far as its content says: when it was updated, else its date.</summary>
    public DateTime? LastChanged => Updated ?? Date;

    public bool HasTag(string slug) => Tags.Any(t => t.Slug == slug);

    /// <summary>True when the entry carries all the tags (or any of them); true for no tags at all.</summary>
    public bool HasTags(IReadOnlyList<string> tags, bool any) => tags.Count == 0 || (any ? tags.Any(HasTag) : tags.All(HasTag));

    /// <summary>The card of a program, certification or badge, with its state on the given day.</summary>
    public CredentialCard ToCredentialCard(CredentialDay day)
    {
        var credential = Credential ?? new CredentialDetails();
        var state = day.StateOf(this);
        var expires = CredentialValidity.ExpiresOn(Kind, Title, Date, credential);
        return new CredentialCard(
            Url, Title, Kind, credential.Issuer ?? credential.Provider, credential.Code, Date, state, expires, Description, Tags,
            state == CredentialState.ExpiringSoon && expires is { } on ? (int)(on.Date - day.Date).TotalDays : null,
            state == CredentialState.InPreparation ? credential.ExamDate : null,
            FileUrl(Badge?.Image), credential.ValidFrom);
    }

    public EntryCard ToEntryCard() => new(Url, Title, Kind, Label, Description, ReadingMinutes, Tags, Tasks);
}

/// <summary>
/// An immutable, in-memory view of the visible entries and tags of one import: lists, tag counts and credential
/// filters are answered from it without touching the database.
/// </summary>
public sealed class ContentIndex
{
    public ContentIndex(
        IReadOnlyList<IndexedEntry> entries, IReadOnlyDictionary<string, string> aliases, SiteProfile site, string version = "", DateTimeOffset lastModified = default,
        IReadOnlyDictionary<string, IndexedEntry>? redirects = null, IEnumerable<(int Source, int Target)>? links = null,
        IEnumerable<IndexedEntry>? attachedBadges = null)
    {
        Redirects = redirects ?? new Dictionary<string, IndexedEntry>();
        Version = version;
        LastModified = lastModified;
        Entries = entries;
        Site = site;
        Aliases = aliases;
        ById = entries.ToDictionary(e => e.Id);
        _bySlug = entries.ToDictionary(e => (e.Kind, e.ParentSlug ?? "", e.Slug));
        // Built once: the home page, timeline and guide pages ask for children of every entry they list.
        _children = entries.Where(e => e.ParentId is not null).OrderBy(e => e.Order).ToLookup(e => e.ParentId!.Value);
        Tags = entries.Where(e => e.Kind != EntryKind.GuidePart)
            .SelectMany(e => e.Tags)
            .GroupBy(t => t.Slug, StringComparer.Ordinal)
            .Select(g => new TagLink(g.Key, g.First().Name, g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        TagsBySlug = Tags.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        // A visible entry that links to another, once however often it does; a link to a part of a guide is one to the
        // guide, whose page shows the part; an entry's links to itself are not listed.
        _linkedFrom = (links ?? []).Where(l => ById.ContainsKey(l.Source) && ById.ContainsKey(l.Target))
            .Select(l => (l.Source, Target: ById[l.Target] is { Kind: EntryKind.GuidePart, ParentId: { } guide } ? guide : l.Target))
            .Where(l => l.Source != l.Target)
            .Distinct()
            .ToLookup(l => l.Target, l => ById[l.Source]);
        // A badge a certification or program names is shown on that credential's page, not as a second credential.
        var owners = entries.Where(e => e.Credential?.BadgeId is not null).ToLookup(e => e.Credential!.BadgeId!.Value);
        AttachedBadges = (attachedBadges ?? []).Where(b => owners.Contains(b.Id)).ToDictionary(b => b.Slug, b => (b, owners[b.Id].First()), StringComparer.Ordinal);
        _attachedById = AttachedBadges.Values.ToDictionary(a => a.Badge.Id, a => a.Badge);
        Credentials = entries.Where(e => e.IsCredential)
            .OrderBy(e => e.Credential?.Status == CredentialStatus.InPreparation ? 0 : 1)
            .ThenByDescending(e => e.Date)
            .ThenBy(e => e.Title, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private readonly Dictionary<(EntryKind Kind, string ParentSlug, string Slug), IndexedEntry> _bySlug;
    private readonly ILookup<int, IndexedEntry> _children;
    private readonly ILookup<int, IndexedEntry> _linkedFrom;
    private readonly Dictionary<int, IndexedEntry> _attachedById;

    public static ContentIndex Empty { get; } = new([], new Dictionary<string, string>(), new SiteProfile());

    public IReadOnlyList<IndexedEntry> Entries { get; }

    public IReadOnlyDictionary<int, IndexedEntry> ById { get; }

    /// <summary>Every tag in use with the number of visible entries that carry it, most used first.</summary>
    public IReadOnlyList<TagLink> Tags { get; }

    public IReadOnlyDictionary<string, TagLink> TagsBySlug { get; }

    /// <summary>Alias slug to canonical slug.</summary>
    public IReadOnlyDictionary<string, string> Aliases { get; }

    /// <summary>The visible entries' old addresses (site paths as <see cref="Content.Text.OldAddressPaths"/> makes them, any case) with the entry each leads to.</summary>
    public IReadOnlyDictionary<string, IndexedEntry> Redirects { get; }

    /// <summary>Programs, certifications and badges: in preparation first, then newest first.</summary>
    public IReadOnlyList<IndexedEntry> Credentials { get; }

    /// <summary>Badges that a visible certification or program names (its 'badge'), by slug, with that credential: they are shown on its page.</summary>
    public IReadOnlyDictionary<string, (IndexedEntry Badge, IndexedEntry Owner)> AttachedBadges { get; }

    /// <summary>The badge a certification or program names, when it loaded.</summary>
    public IndexedEntry? BadgeOf(IndexedEntry credential) =>
        credential.Credential?.BadgeId is { } id ? _attachedById.GetValueOrDefault(id) : null;

    public SiteProfile Site { get; }

    /// <summary>Names the content the index was built from: the same for the same files, across restarts and replicas too.</summary>
    public string Version { get; }

    /// <summary>When the content last changed, to the second.</summary>
    public DateTimeOffset LastModified { get; }

    /// <summary>The canonical slug of a tag as written in a URL: any case, an alias or a name.</summary>
    public string CanonicalTag(string text)
    {
        var slug = Content.Text.TagSlug.From(text);
        return Aliases.TryGetValue(slug, out var canonical) ? canonical : slug;
    }

    /// <summary>Tags as written in a URL, as canonical slugs, sorted and without repeats: one filter has one URL.</summary>
    public IReadOnlyList<string> CanonicalTags(IEnumerable<string> texts) => CredentialQuery.Normalize(texts.Select(CanonicalTag));

    /// <summary>The entry of a kind with a slug, under the parent with the given slug (for capstones, notes and modules).</summary>
    public IndexedEntry? Find(EntryKind kind, string slug, string? parentSlug = null) =>
        _bySlug.GetValueOrDefault((kind, parentSlug ?? "", slug));

    /// <summary>The parent of an entry, if it has one.</summary>
    public IndexedEntry? ParentOf(IndexedEntry entry) =>
        entry.ParentId is { } id ? ById.GetValueOrDefault(id) : null;

    /// <summary>The entries before and after one among its siblings of the same kind, in source order.</summary>
    public (IndexedEntry? Previous, IndexedEntry? Next) NeighboursOf(IndexedEntry entry)
    {
        var siblings = entry.ParentId is { } parent ? ChildrenOf(parent, entry.Kind).ToList() : [];
        var at = siblings.FindIndex(e => e.Id == entry.Id);
        return (at > 0 ? siblings[at - 1] : null, at >= 0 && at + 1 < siblings.Count ? siblings[at + 1] : null);
    }

    /// <summary>The children of an entry in source order.</summary>
    public IEnumerable<IndexedEntry> ChildrenOf(int id, EntryKind kind) => _children[id].Where(e => e.Kind == kind);

    /// <summary>The visible entries whose text links to an entry, by title.</summary>
    public IReadOnlyList<IndexedEntry> LinkedFrom(int id) =>
        _linkedFrom[id].OrderBy(e => e.Label is null ? e.Title : $"{e.Label}: {e.Title}", StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>All children of an entry, of every kind, in source order.</summary>
    public IEnumerable<IndexedEntry> ChildrenOf(int id) => _children[id];
}
