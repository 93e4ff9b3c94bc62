using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

/// <summary>
/// The connection and transaction a session's repositories share. Dapper binds the parameters;
/// rows are mapped by hand, so the records stay immutable and the column types explicit.
/// </summary>
internal sealed class SqliteCommands(SqliteConnection connection, SqliteTransaction transaction)
{
    public Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(Define(sql, parameters, cancellationToken));

    public Task<T?> ScalarAsync<T>(string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<T>(Define(sql, parameters, cancellationToken));

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters, Func<DbDataReader, T> map,
        CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await connection.ExecuteReaderAsync(Define(sql, parameters, cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }
        return rows;
    }

    public async Task<T?> QuerySingleAsync<T>(string sql, object? parameters, Func<DbDataReader, T> map,
        CancellationToken cancellationToken) where T : class =>
        (await QueryAsync(sql, parameters, map, cancellationToken)).FirstOrDefault();

    /// <summary>
    /// A command in this transaction for one statement run for many rows: the caller adds its parameters once,
    /// named as in the SQL, and sets their values per row. Dapper, given a list, adds them anew for every row,
    /// named without their <c>@</c>, and each is then found in the statement by trying every prefix: a tenth of
    /// the CPU of storing a shipped log line.
    /// </summary>
    public SqliteCommand Repeated(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Timestamps are stored as round-trip ISO 8601 text, readable in any SQLite shell.</summary>
    public static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset Time(DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    public static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private CommandDefinition Define(string sql, object? parameters, CancellationToken cancellationToken) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
