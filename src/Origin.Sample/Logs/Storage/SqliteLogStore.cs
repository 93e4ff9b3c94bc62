using System.Data.Common;
using System.Text;
using EdgeCompute.Origin.Sample.Logs.Ingestion;
using EdgeCompute.Origin.Sample.Logs.Query;
using EdgeCompute.Origin.Sample.Registry;
using EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EdgeCompute.Origin.Sample.Logs.Storage;

/// <summary>Function logs in the registry's SQLite file (one file to back up), in their own tables (<see cref="LogMigrations"/>).</summary>
internal sealed class SqliteLogStore(RegistryPaths paths, TimeProvider time) : ILogStore, IDisposable
{
    private const string Columns = "time, node_id, sequence, request_id, account_id, function_name, version, event, level, message";

    private readonly ModuleDatabase _database = new(paths, LogMigrations.Schema);

    public Task<LogIngestResult> IngestAsync(LogBatch batch, CancellationToken cancellationToken) =>
        _database.WriteAsync(async db =>
        {
            var inserted = await db.ExecuteAsync("""
                INSERT INTO log_batches (batch_id, node_id, records, received) VALUES (@BatchId, @NodeId, @records, @received)
                ON CONFLICT (batch_id) DO NOTHING
                """, new { batch.BatchId, batch.NodeId, records = batch.Entries.Count, received = SqliteCommands.Time(time.GetUtcNow()) },
                cancellationToken);
            if (inserted == 0)
            {
                var accepted = await db.ScalarAsync<int>("SELECT records FROM log_batches WHERE batch_id = @BatchId", new { batch.BatchId },
                    cancellationToken);
                return new LogIngestResult(batch.BatchId, accepted, Duplicate: true);
            }
            await using var insert = db.Repeated($"""
                INSERT INTO log_records ({Columns})
                VALUES (@time, @node, @sequence, @request, @account, @function, @version, @event, @level, @message)
                """);
            var parameters = insert.Parameters;
            SqliteParameter at = parameters.Add("@time", SqliteType.Text), node = parameters.Add("@node", SqliteType.Text),
                sequence = parameters.Add("@sequence", SqliteType.Integer), request = parameters.Add("@request", SqliteType.Text),
                account = parameters.Add("@account", SqliteType.Text), function = parameters.Add("@function", SqliteType.Text),
                version = parameters.Add("@version", SqliteType.Text), @event = parameters.Add("@event", SqliteType.Text),
                level = parameters.Add("@level", SqliteType.Text), message = parameters.Add("@message", SqliteType.Text);
            foreach (var e in batch.Entries)
            {
                at.Value = SqliteCommands.Time(e.Time);
                node.Value = e.NodeId;
                sequence.Value = e.Sequence;
                request.Value = e.RequestId;
                account.Value = e.Account;
                function.Value = e.Function;
                version.Value = e.Version;
                @event.Value = e.Event;
                level.Value = e.Level;
                message.Value = e.Message;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            return new LogIngestResult(batch.BatchId, batch.Entries.Count, Duplicate: false);
        }, cancellationToken);

    public Task<IReadOnlyList<LogEntry>> QueryAsync(string account, LogQuery query, CancellationToken cancellationToken)
    {
        var parameters = new
        {
            account, query.Function, query.RequestId, query.Contains,
            since = query.Since is { } s ? SqliteCommands.Time(s) : null,
            until = query.Until is { } u ? SqliteCommands.Time(u) : null,
            afterTime = query.After is { } a ? SqliteCommands.Time(a.Time) : null,
            afterNode = query.After?.NodeId,
            afterSequence = query.After?.Sequence,
            limit = query.Limit + 1,
        };
        return _database.ReadAsync(db => db.QueryAsync(Select(query), parameters, Read, cancellationToken), cancellationToken);
    }

    /// <summary>Only the filters given go into the SQL, so that SQLite can pick the index that fits them.</summary>
    private static string Select(LogQuery query)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM log_records WHERE account_id = @account");
        sql.Append(query.Function is null ? "" : " AND function_name = @Function");
        sql.Append(query.RequestId is null ? "" : " AND request_id = @RequestId");
        sql.Append(query.Since is null ? "" : " AND time >= @since");
        sql.Append(query.Until is null ? "" : " AND time < @until");
        sql.Append(query.Contains is null ? "" : " AND instr(message, @Contains) > 0");
        sql.Append(query.After is null ? "" : " AND (time, node_id, sequence) > (@afterTime, @afterNode, @afterSequence)");
        return sql.Append(" ORDER BY time, node_id, sequence LIMIT @limit").ToString();
    }

    public Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        _database.WriteAsync(async db =>
        {
            var before = SqliteCommands.Time(cutoff);
            var deleted = await db.ExecuteAsync("DELETE FROM log_records WHERE time < @before", new { before }, cancellationToken);
            await db.ExecuteAsync("DELETE FROM log_batches WHERE received < @before", new { before }, cancellationToken);
            return deleted;
        }, cancellationToken);

    private static LogEntry Read(DbDataReader r) => new(SqliteCommands.Time(r, 0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4),
        r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9));

    public void Dispose() => _database.Dispose();
}
