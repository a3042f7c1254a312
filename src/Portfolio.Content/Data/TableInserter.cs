using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portfolio.Content.Data;

/// <summary>
/// Inserts of one entity type, with its columns, names and value conversions read from the EF model, so that
/// bulk imports write exactly what EF would, without EF's change tracking (which does not scale to 100,000 rows).
/// </summary>
internal sealed class TableInserter<T> : IDisposable
    where T : class
{
    private readonly List<Func<T, object?>> _readers = [];
    private readonly RowBatcher _batcher;

    /// <summary>Reads the columns of <typeparamref name="T"/> from the model; with <paramref name="withKey"/> the caller assigns keys (entries), else SQLite does (topics).</summary>
    public TableInserter(PortfolioDbContext db, SqliteConnection connection, bool withKey)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = new List<string>();

        void Add(IProperty property, Func<T, object?> read)
        {
            var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
            columns.Add(property.GetColumnName(table)!);
            _readers.Add(e => read(e) is { } value ? converter?.ConvertToProvider(value) ?? value : null);
        }

        foreach (var property in entity.GetProperties().Where(p => withKey || !p.IsPrimaryKey()))
        {
            Add(property, e => property.PropertyInfo!.GetValue(e));
        }

        // Owned types (capstone and credential details) share the owner's table: their columns are the owner's.
        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
        {
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey() && p.PropertyInfo is not null))
            {
                Add(property, e => navigation.PropertyInfo!.GetValue(e) is { } owned ? property.PropertyInfo!.GetValue(owned) : null);
            }
        }

        _batcher = new RowBatcher(connection, table.Name, columns);
    }

    /// <summary>Inserts an entity.</summary>
    public void Add(T entity) => _batcher.Add([.. _readers.Select(read => read(entity))]);

    public void Dispose() => _batcher.Dispose();
}
