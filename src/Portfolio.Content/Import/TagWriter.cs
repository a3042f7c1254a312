using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portfolio.Content.Data;
using Portfolio.Content.Loading;

namespace Portfolio.Content.Import;

/// <summary>
/// The tags of an import: each name an entry gives resolves, through the folder's aliases, to one row of Tags, inserted
/// the first time it is used; once every file is written, unused tags go and the aliases are written again.
/// </summary>
internal sealed class TagWriter : IDisposable
{
    private readonly PortfolioDbContext _db;
    private readonly TagAliases _aliases;
    private readonly RowInserter<TagAlias> _aliasRows;
    private readonly SqliteCommand _insert;
    private readonly Dictionary<string, long> _ids = new(StringComparer.Ordinal);

    public TagWriter(PortfolioDbContext db, SqliteConnection connection, SqliteTransaction transaction, TagAliases aliases)
    {
        _db = db;
        _aliases = aliases;
        _aliasRows = new RowInserter<TagAlias>(connection, transaction, ImportRows.TagAliases);
        _insert = connection.CreateCommand();
        _insert.Transaction = transaction;
        _insert.CommandText = "INSERT INTO Tags (Slug, Name) VALUES ($slug, $name) RETURNING Id";
        _insert.Parameters.Add(new SqliteParameter { ParameterName = "$slug" });
        _insert.Parameters.Add(new SqliteParameter { ParameterName = "$name" });
        foreach (var tag in db.Tags.Select(t => new { t.Id, t.Slug }))
        {
            _ids[tag.Slug] = tag.Id;
        }
    }

    /// <summary>The id of each tag the names mean, once each, in the order named; a tag not stored yet is inserted.</summary>
    public IEnumerable<long> IdsOf(IEnumerable<string> names) =>
        names.Select(_aliases.Resolve).OfType<(string Slug, string Name)>().DistinctBy(t => t.Slug).Select(t => IdOf(t.Slug, t.Name));

    /// <summary>The tags as the search index reads them: as written, as their aliases name them, and the entry's kind.</summary>
    public string SearchText(IReadOnlyList<string> names, EntryKind kind) =>
        // The kind is searchable too: "capstone" finds every capstone project.
        string.Join(", ", names.Concat(names.Select(n => _aliases.Resolve(n)?.Name ?? n)).Append(kind.DisplayName()).Distinct(StringComparer.OrdinalIgnoreCase));

    /// <summary>Forgets the ids of the tags, once their table has been emptied.</summary>
    public void Clear() => _ids.Clear();

    /// <summary>Once every file is written: deletes the tags no entry has, and writes the aliases of the folder in place of the old ones.</summary>
    public void Settle()
    {
        _db.Database.ExecuteSql($"DELETE FROM Tags WHERE Id NOT IN (SELECT TagId FROM EntryTags); DELETE FROM TagAliases;");
        _ids.Clear();
        foreach (var (slug, name, tagSlug) in _aliases.Aliases)
        {
            _aliasRows.Add(new TagAlias { Slug = slug, Name = name, TagSlug = tagSlug });
        }
    }

    private long IdOf(string slug, string name)
    {
        if (!_ids.TryGetValue(slug, out var id))
        {
            _insert.Parameters[0].Value = slug;
            _insert.Parameters[1].Value = name;
            id = (long)_insert.ExecuteScalar()!;
            _ids[slug] = id;
        }

        return id;
    }

    public void Dispose()
    {
        _aliasRows.Dispose();
        _insert.Dispose();
    }
}
