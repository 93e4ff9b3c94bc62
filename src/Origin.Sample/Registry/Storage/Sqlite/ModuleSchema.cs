using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

/// <summary>
/// The tables of a module that shares <c>registry.db</c> with the registry (billing, logs), as an
/// ordered list of scripts (script <c>i</c> takes the module from version i to i + 1). Each module counts
/// its own version in its own one-row table: <c>PRAGMA user_version</c> is the registry's (<see cref="SqliteMigrations"/>).
/// </summary>
internal sealed class ModuleSchema(string module, string versionTable, IReadOnlyList<string> scripts)
{
    /// <summary>Brings the module's tables up to the newest script, all steps in one transaction.</summary>
    public async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // A module may open the file before the registry does; readers must not block the one writer either way.
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var transaction = connection.BeginTransaction(deferred: false);
        var db = new SqliteCommands(connection, transaction);
        await db.ExecuteAsync($"CREATE TABLE IF NOT EXISTS {versionTable} (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);",
            null, cancellationToken);
        var current = await db.ScalarAsync<int>($"SELECT COALESCE((SELECT version FROM {versionTable} WHERE id = 1), 0);", null, cancellationToken);
        if (current > scripts.Count)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"registry.db has {module} schema version {current}, newer than this origin knows ({scripts.Count}); run a newer origin."));
        }
        for (var version = current; version < scripts.Count; version++)
        {
            await db.ExecuteAsync(scripts[version], null, cancellationToken);
        }
        await db.ExecuteAsync($"INSERT INTO {versionTable} (id, version) VALUES (1, @version) ON CONFLICT (id) DO UPDATE SET version = excluded.version;",
            new { version = scripts.Count }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
