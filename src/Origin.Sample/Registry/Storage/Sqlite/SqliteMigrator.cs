using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

/// <summary>Brings a database up to the newest schema of <see cref="SqliteMigrations"/>, one transaction per step.</summary>
internal static class SqliteMigrator
{
    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets nodes' snapshot reads go on while a deploy writes; the mode is stored in the file.
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken);
        var current = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken), CultureInfo.InvariantCulture);
        var scripts = SqliteMigrations.Scripts;
        if (current > scripts.Count)
        {
            throw new InvalidOperationException(
                $"registry.db has schema version {current}, newer than this registry knows ({scripts.Count}); run a newer registry.");
        }
        for (var version = current; version < scripts.Count; version++)
        {
            using var transaction = connection.BeginTransaction();
            await ExecuteAsync(connection, transaction, scripts[version], cancellationToken);
            // PRAGMA takes no parameters; the value is our own integer.
            await ExecuteAsync(connection, transaction, $"PRAGMA user_version = {(version + 1).ToString(CultureInfo.InvariantCulture)};", cancellationToken);
            transaction.Commit();
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
