using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Portfolio.Content.Data;

/// <summary>
/// A prepared INSERT for one entity type, with its columns, names and value conversions read from the EF model, so
/// that bulk imports write exactly what EF would, without EF's change tracking (which does not scale to 100,000 rows).
/// </summary>
internal sealed class TableInserter<T> : IDisposable
    where T : class
{
    private readonly SqliteCommand _command;
    private readonly List<(Func<T, object?> Read, SqliteParameter Parameter)> _columns = [];
    private readonly bool _returnsKey;

    public TableInserter(PortfolioDbContext db, SqliteConnection connection, SqliteTransaction transaction)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties;
        _returnsKey = key.Count == 1 && key[0].ValueGenerated == ValueGenerated.OnAdd;

        foreach (var property in entity.GetProperties().Where(p => !(_returnsKey && key.Contains(p))))
        {
            Add(property, table, e => property.PropertyInfo!.GetValue(e));
        }

        // Owned types (capstone and credential details) share the owner's table: their columns are the owner's.
        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && !n.IsCollection))
        {
            foreach (var property in navigation.TargetEntityType.GetProperties().Where(p => !p.IsPrimaryKey() && p.PropertyInfo is not null))
            {
                Add(property, table, e => navigation.PropertyInfo!.GetValue(e) is { } owned ? property.PropertyInfo!.GetValue(owned) : null);
            }
        }

        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        var names = _columns.Select(c => c.Parameter.ParameterName[1..]).ToList();
        _command.CommandText =
            $"INSERT INTO \"{table.Name}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", _columns.Select(c => c.Parameter.ParameterName))})"
            + (_returnsKey ? $" RETURNING \"{key[0].GetColumnName(table)}\"" : "");
    }

    private void Add(IProperty property, StoreObjectIdentifier table, Func<T, object?> read)
    {
        var column = property.GetColumnName(table)!;
        var converter = property.GetValueConverter() ?? property.GetTypeMapping().Converter;
        var parameter = new SqliteParameter { ParameterName = "$" + column };
        _columns.Add((e => read(e) is { } value ? converter?.ConvertToProvider(value) ?? value : null, parameter));
    }

    /// <summary>Inserts an entity; returns its generated key, or 0 for a table without one.</summary>
    public long Insert(T entity)
    {
        if (_command.Parameters.Count == 0)
        {
            _command.Parameters.AddRange(_columns.Select(c => c.Parameter).ToArray());
        }

        foreach (var (read, parameter) in _columns)
        {
            parameter.Value = read(entity) ?? DBNull.Value;
        }

        if (_returnsKey)
        {
            return (long)_command.ExecuteScalar()!;
        }

        _command.ExecuteNonQuery();
        return 0;
    }

    public void Dispose() => _command.Dispose();
}
