using System.Data.Common;
using System.Text;
using EdgeCompute.Origin.Sample.Logs.Ingestion;
using EdgeCompute.Origin.Sample.Logs.Query;
using EdgeCompute.Origin.Sample.Registry;
using EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

namespace EdgeCompute.Origin.Sample.Logs.Storage;

/// <summary>Function logs in the registry's SQLite file (one file to back up), in their own tables (<see cref="LogMigrations"/>).</summary>
internal sealed class SqliteLogStore(RegistryPaths paths, TimeProvider time) : ILogStore, IDisposable
{
    private const string Columns = "time, node_id, sequence, request_id, account_id, function_name, version, event, level, message";

    // One writer of ours at a time queues here; the registry's and billing's writers are waited for by the busy timeout.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ModuleDatabase _database = new(paths, LogMigrations.Schema);

    public async Task<LogIngestResult> IngestAsync(LogBatch batch, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var db = new SqliteCommands(connection, transaction);
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
            // Dapper runs the insert once per element of the list, inside the same transaction as the batch id.
            await db.ExecuteAsync($"""
                INSERT INTO log_records ({Columns})
                VALUES (@Time, @NodeId, @Sequence, @RequestId, @Account, @Function, @Version, @Event, @Level, @Message)
                """, batch.Entries.Select(e => new
                {
                    Time = SqliteCommands.Time(e.Time), e.NodeId, e.Sequence, e.RequestId, e.Account, e.Function, e.Version, e.Event, e.Level, e.Message,
                }).ToList(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new LogIngestResult(batch.BatchId, batch.Entries.Count, Duplicate: false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<LogEntry>> QueryAsync(string account, LogQuery query, CancellationToken cancellationToken)
    {
        // Only the filters given go into the SQL, so that SQLite can pick the index that fits them.
        var sql = new StringBuilder($"SELECT {Columns} FROM log_records WHERE account_id = @account");
        if (query.Function is not null)
        {
            sql.Append(" AND function_name = @Function");
        }
        if (query.RequestId is not null)
        {
            sql.Append(" AND request_id = @RequestId");
        }
        if (query.Since is not null)
        {
            sql.Append(" AND time >= @since");
        }
        if (query.Until is not null)
        {
            sql.Append(" AND time < @until");
        }
        if (query.Contains is not null)
        {
            sql.Append(" AND instr(message, @Contains) > 0");
        }
        if (query.After is not null)
        {
            sql.Append(" AND (time, node_id, sequence) > (@afterTime, @afterNode, @afterSequence)");
        }
        sql.Append(" ORDER BY time, node_id, sequence LIMIT @limit");
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await new SqliteCommands(connection, transaction).QueryAsync(sql.ToString(), new
        {
            account, query.Function, query.RequestId, query.Contains,
            since = query.Since is { } s ? SqliteCommands.Time(s) : null,
            until = query.Until is { } u ? SqliteCommands.Time(u) : null,
            afterTime = query.After is { } a ? SqliteCommands.Time(a.Time) : null,
            afterNode = query.After?.NodeId,
            afterSequence = query.After?.Sequence,
            limit = query.Limit + 1,
        }, Read, cancellationToken);
    }

    public async Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var db = new SqliteCommands(connection, transaction);
            var before = SqliteCommands.Time(cutoff);
            var deleted = await db.ExecuteAsync("DELETE FROM log_records WHERE time < @before", new { before }, cancellationToken);
            await db.ExecuteAsync("DELETE FROM log_batches WHERE received < @before", new { before }, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return deleted;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static LogEntry Read(DbDataReader r) => new(SqliteCommands.Time(r, 0), r.GetString(1), r.GetInt64(2), r.GetString(3), r.GetString(4),
        r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9));

    public void Dispose() => _writeLock.Dispose();
}
