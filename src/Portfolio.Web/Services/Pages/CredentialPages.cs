using Portfolio.Content.Data;
using Portfolio.Web.ViewModels;

namespace Portfolio.Web.Services.Pages;

/// <summary>The credentials page: programs, certifications and badges filtered by tags and kind, with live counts.</summary>
public sealed class CredentialPages(ContentIndexProvider indexes, CredentialClock credentials)
{
    private static readonly bool[] MatchValues = [false, true];
    private static readonly EntryKind?[] KindValues = [null, EntryKind.Program, EntryKind.Certification, EntryKind.Badge];

    public async Task<CredentialsViewModel> CredentialsAsync(CredentialQuery query, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(cancellationToken);
        query = query with { Tags = index.CanonicalTags(query.Tags) };
        var inKind = index.Credentials.Where(e => query.Kind is null || e.Kind == query.Kind).ToList();

        var results = inKind.Where(e => e.HasTags(query.Tags, query.MatchAny)).ToList();
        var tagOptions = inKind.SelectMany(e => e.Tags).Select(t => t.Slug).Distinct()
            .Where(slug => !query.Tags.Contains(slug))
            .Select(slug =>
            {
                var with = query.WithTag(slug);
                var count = inKind.Count(e => e.HasTags(with.Tags, with.MatchAny));
                return new FilterOption(index.TagsBySlug[slug].Name, with.Url, count, false);
            })
            .OrderByDescending(o => o.Count).ThenBy(o => o.Label, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var kindOptions = query.Static ? [] : KindValues
            .Select(kind => new FilterOption(
                CredentialsViewModel.KindLabel(kind),
                query.WithKind(kind).Url,
                index.Credentials.Count(e => (kind is null || e.Kind == kind) && e.HasTags(query.Tags, query.MatchAny)),
                query.Kind == kind))
            .ToList();
        var matchOptions = query.Static ? [] : MatchValues
            .Select(any => new FilterOption(
                any ? "any of the tags" : "all of the tags",
                query.WithMatchAny(any).Url,
                inKind.Count(e => e.HasTags(query.Tags, any)),
                query.MatchAny == any || query.Tags.Count < 2 && !any))
            .ToList();

        var chips = new List<FilterChip>();
        if (query.Kind is { } activeKind)
        {
            chips.Add(new FilterChip(CredentialsViewModel.KindLabel(activeKind), query.WithKind(null).Url));
        }

        chips.AddRange(query.Tags.Select(slug => new FilterChip(
            index.TagsBySlug.TryGetValue(slug, out var tag) ? tag.Name : slug, query.WithoutTag(slug).Url)));

        var title = query.IsEmpty ? "Credentials" : $"Credentials: {string.Join(query.MatchAny ? " or " : " and ", chips.Select(c => c.Label))}";
        return new CredentialsViewModel(
            new PageInfo(title, $"{results.Count} of the {index.Credentials.Count} credentials (programs, certifications and badges) of {index.Site.Name}.", Section.Credentials, query.Url, Alternates: [Alternate.Calendar(index.Site.Name)]),
            query,
            credentials.Today().Cards(results),
            chips,
            tagOptions,
            kindOptions,
            matchOptions,
            index.Credentials.Count);
    }
}
