using System.Globalization;
using EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EdgeCompute.Origin.Sample.Billing.Storage;

/// <summary>Brings billing's tables up to the newest of <see cref="UsageMigrations"/>, all steps in one transaction.</summary>
internal static class UsageSchema
{
    public static async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Billing may open the file before the registry does; readers must not block the one writer either way.
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var transaction = connection.BeginTransaction(deferred: false);
        var db = new SqliteCommands(connection, transaction);
        await db.ExecuteAsync("CREATE TABLE IF NOT EXISTS usage_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);",
            null, cancellationToken);
        var current = await db.ScalarAsync<int>("SELECT COALESCE((SELECT version FROM usage_schema WHERE id = 1), 0);", null, cancellationToken);
        var scripts = UsageMigrations.Scripts;
        if (current > scripts.Count)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"registry.db has billing schema version {current}, newer than this origin knows ({scripts.Count}); run a newer origin."));
        }
        for (var version = current; version < scripts.Count; version++)
        {
            await db.ExecuteAsync(scripts[version], null, cancellationToken);
        }
        await db.ExecuteAsync("INSERT INTO usage_schema (id, version) VALUES (1, @version) ON CONFLICT (id) DO UPDATE SET version = excluded.version;",
            new { version = scripts.Count }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
