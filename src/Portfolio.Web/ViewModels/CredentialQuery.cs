using System.Text;
using Portfolio.Content.Data;

namespace Portfolio.Web.ViewModels;

/// <summary>
/// A filter of the credentials page: canonical tag slugs (sorted, no repeats), all or any of them, and a kind.
/// Its URL is the canonical, shareable form of the filter. On a static copy of the site there are no query strings:
/// the filter is one tag at a time, at /credentials/tags/{tag}.
/// </summary>
public sealed record CredentialQuery(IReadOnlyList<string> Tags, bool MatchAny, EntryKind? Kind, bool Static = false)
{
    public static CredentialQuery Empty { get; } = new([], false, null);

    public string Url
    {
        get
        {
            if (Static)
            {
                return Tags.Count == 0 ? SiteUrls.Credentials : SiteUrls.CredentialsTagged(Tags[0]);
            }

            var query = new StringBuilder();
            void Add(string name, string value) => query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            if (Kind is { } kind)
            {
                Add("kind", KindName(kind));
            }

            if (MatchAny && Tags.Count > 1)
            {
                Add("match", "any");
            }

            foreach (var tag in Tags)
            {
                Add("tag", tag);
            }

            return SiteUrls.Credentials + query;
        }
    }

    public bool IsEmpty => Tags.Count == 0 && Kind is null;

    public CredentialQuery WithTag(string slug) => this with { Tags = Static ? [slug] : Normalize([.. Tags, slug]) };

    public CredentialQuery WithoutTag(string slug) => this with { Tags = Tags.Where(t => t != slug).ToList() };

    public CredentialQuery WithKind(EntryKind? kind) => this with { Kind = kind };

    public CredentialQuery WithMatchAny(bool matchAny) => this with { MatchAny = matchAny };

    /// <summary>Sorted and without repeats, so that one filter has one URL.</summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> slugs) =>
        slugs.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static string KindName(EntryKind kind) => kind == EntryKind.Program ? "program" : "certification";
}
