using EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

namespace EdgeCompute.Origin.Sample.Logs.Storage;

/// <summary>
/// The logs' tables in <c>registry.db</c>, versioned in <c>logs_schema</c> (see <see cref="ModuleSchema"/>).
/// Times are round-trip UTC text of one width, so text order is time order. Append; never edit a shipped script.
/// </summary>
internal static class LogMigrations
{
    public static IReadOnlyList<string> Scripts { get; } =
    [
        """
        CREATE TABLE log_batches (
            batch_id TEXT PRIMARY KEY,
            node_id TEXT NOT NULL,
            records INTEGER NOT NULL,
            received TEXT NOT NULL);
        CREATE INDEX log_batches_received ON log_batches (received);

        CREATE TABLE log_records (
            id INTEGER PRIMARY KEY,
            account_id TEXT NOT NULL,
            function_name TEXT NOT NULL,
            version TEXT NOT NULL,
            event TEXT NOT NULL,
            time TEXT NOT NULL,
            node_id TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            request_id TEXT NOT NULL,
            level TEXT NOT NULL,
            message TEXT NOT NULL);
        CREATE INDEX log_records_function_time ON log_records (account_id, function_name, time, node_id, sequence);
        CREATE INDEX log_records_request ON log_records (account_id, request_id);
        CREATE INDEX log_records_time ON log_records (time);
        """,
    ];

    public static ModuleSchema Schema { get; } = new("logs", "logs_schema", Scripts);
}
