using Microsoft.Data.Sqlite;

namespace Portfolio.Content.Data;

/// <summary>
/// Inserts rows into one table through one prepared statement in the import's transaction: SQLite's documented way to
/// insert in bulk. The columns and values come from <see cref="ImportRows"/>.
/// </summary>
internal sealed class RowInserter<T> : IDisposable
{
    private readonly TableRows<T> _rows;
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public RowInserter(SqliteConnection connection, SqliteTransaction transaction, TableRows<T> rows)
    {
        _rows = rows;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = $"INSERT INTO \"{rows.Table}\" ({string.Join(", ", rows.ColumnNames.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", rows.ColumnNames.Select((_, i) => $"$p{i}"))})";
        _parameters = rows.ColumnNames.Select((_, i) => _command.Parameters.Add(new SqliteParameter { ParameterName = $"$p{i}" })).ToArray();
    }

    /// <summary>Inserts one row.</summary>
    public void Add(T row)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = _rows.Columns[i].Value(row) ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
    }

    public void Dispose() => _command.Dispose();
}
