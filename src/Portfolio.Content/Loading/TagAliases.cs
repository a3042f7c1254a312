using Portfolio.Content.Diagnostics;
using Portfolio.Content.Text;
using Portfolio.Content.FrontMatter;
using YamlDotNet.RepresentationModel;

namespace Portfolio.Content.Loading;

/// <summary>
/// The tags that are one tag, from content/tags.yml: each key is a canonical tag's display name, its value the other
/// names that mean it, as a list or a single name. <c>Machine Learning: [ML, machine-learning]</c>
/// </summary>
public sealed class TagAliases
{
    /// <summary>The file name at the top of the content folder.</summary>
    public const string FileName = "tags.yml";

    private readonly Dictionary<string, (string Slug, string Name)> _canonical = new(StringComparer.Ordinal);
    private readonly List<(string Slug, string Name, string TagSlug)> _aliases = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _slugs = new(StringComparer.Ordinal);
    private const int MaxRememberedSlugs = 4096;

    /// <summary>No aliases: every tag stands for itself.</summary>
    public static TagAliases None { get; } = new();

    /// <summary>Each alias: its slug, its name as written, and the slug of the tag it means.</summary>
    public IReadOnlyList<(string Slug, string Name, string TagSlug)> Aliases => _aliases;

    /// <summary>The canonical slug and display name for a tag as written, applying aliases; null when the name has no letters or digits.</summary>
    public (string Slug, string Name)? Resolve(string name)
    {
        // Every entry names its tags again, from a vocabulary of a few dozen: each name's slug is made once. The set is
        // bounded, as the aliases-free instance lives as long as the process.
        if (!_slugs.TryGetValue(name, out var slug))
        {
            slug = TagSlug.From(name);
            if (_slugs.Count < MaxRememberedSlugs)
            {
                _slugs.TryAdd(name, slug);
            }
        }

        if (slug.Length == 0)
        {
            return null;
        }

        return _canonical.TryGetValue(slug, out var canonical) ? canonical : (slug, name.Trim());
    }

    /// <summary>Reads the alias file, reporting bad entries by line and skipping them; a file that is not YAML gives no aliases.</summary>
    public static TagAliases Parse(string text, DiagnosticBag diagnostics)
    {
        var aliases = new TagAliases();
        if (!YamlText.TryLoad(text, diagnostics, "tags.yml", "; no tag aliases are applied", 0, out var root) || root is null)
        {
            return aliases;
        }

        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Error((int)root.Start.Line, (int)root.Start.Column, "tags.yml must map each canonical tag name to its aliases, like 'Machine Learning: [ML]'");
            return aliases;
        }

        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || TagSlug.From(name) is not { Length: > 0 } slug)
            {
                diagnostics.Error((int)key.Start.Line, (int)key.Start.Column, "each key of tags.yml must be a tag name with letters or digits");
                continue;
            }

            if (aliases._canonical.ContainsKey(slug))
            {
                diagnostics.Error((int)key.Start.Line, (int)key.Start.Column, $"the tag '{name}' is listed twice (or is already an alias); each tag once");
                continue;
            }

            aliases._canonical[slug] = (slug, name.Trim());
            IEnumerable<YamlNode> names = value switch
            {
                YamlSequenceNode sequence => sequence.Children,
                YamlScalarNode { Value: null or "" } => [],
                YamlScalarNode scalar => [scalar],
                _ => [],
            };
            if (value is YamlMappingNode)
            {
                diagnostics.Error((int)value.Start.Line, (int)value.Start.Column, $"the aliases of '{name}' must be a list of names; got a mapping");
            }

            var problems = new ListProblems(diagnostics);
            foreach (var aliasNode in names)
            {
                if (aliasNode is not YamlScalarNode { Value: { } alias } || TagSlug.From(alias) is not { Length: > 0 } aliasSlug)
                {
                    problems.Error((int)aliasNode.Start.Line, (int)aliasNode.Start.Column, $"each alias of '{name}' must be a tag name with letters or digits");
                    continue;
                }

                if (aliasSlug == slug)
                {
                    continue;
                }

                if (aliases._canonical.TryGetValue(aliasSlug, out var taken))
                {
                    diagnostics.Error((int)aliasNode.Start.Line, (int)aliasNode.Start.Column, $"'{alias}' already means '{taken.Name}'; an alias can mean only one tag");
                    continue;
                }

                aliases._canonical[aliasSlug] = (slug, name.Trim());
                aliases._aliases.Add((aliasSlug, alias.Trim(), slug));
            }

            problems.Report();
        }

        return aliases;
    }
}
