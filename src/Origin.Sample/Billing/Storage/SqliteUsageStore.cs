using EdgeCompute.Origin.Sample.Billing.Ingestion;
using EdgeCompute.Origin.Sample.Billing.Usage;
using EdgeCompute.Origin.Sample.Registry;
using EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace EdgeCompute.Origin.Sample.Billing.Storage;

/// <summary>
/// Usage in the registry's SQLite file (one file to back up), in billing's own tables. Like the
/// registry, nothing is created until the first call, so an origin that is never sent usage never
/// touches its data directory.
/// </summary>
internal sealed class SqliteUsageStore(RegistryPaths paths, TimeProvider time) : IUsageStore, IDisposable
{
    private const string AddSums = """
        INSERT INTO usage_monthly (account_id, month, function_name, version, style, requests, throttled, errors, billed_ms, billed_mb_ms)
        VALUES (@Account, @Month, @Function, @Version, @Style, @Requests, @Throttled, @Errors, @BilledMs, @BilledMbMs)
        ON CONFLICT (account_id, month, function_name, version, style) DO UPDATE SET
            requests = requests + excluded.requests, throttled = throttled + excluded.throttled, errors = errors + excluded.errors,
            billed_ms = billed_ms + excluded.billed_ms, billed_mb_ms = billed_mb_ms + excluded.billed_mb_ms
        """;

    // One writer of ours at a time queues here; the registry's writers on the same file are waited for by the busy timeout.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ModuleDatabase _database = new(paths, UsageSchema.Schema);

    public async Task<IngestResult> IngestAsync(UsageBatch batch, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var db = new SqliteCommands(connection, transaction);
            var inserted = await db.ExecuteAsync("""
                INSERT INTO usage_batches (batch_id, node_id, records, received) VALUES (@BatchId, @NodeId, @Records, @received)
                ON CONFLICT (batch_id) DO NOTHING
                """, new { batch.BatchId, batch.NodeId, batch.Records, received = SqliteCommands.Time(time.GetUtcNow()) }, cancellationToken);
            if (inserted == 0)
            {
                var accepted = await db.ScalarAsync<int>("SELECT records FROM usage_batches WHERE batch_id = @BatchId", new { batch.BatchId },
                    cancellationToken);
                return new IngestResult(batch.BatchId, accepted, Duplicate: true);
            }
            foreach (var (key, sums) in batch.Aggregates)
            {
                await db.ExecuteAsync(AddSums, new
                {
                    key.Account, key.Month, key.Function, key.Version, key.Style,
                    sums.Requests, sums.Throttled, sums.Errors, sums.BilledMs, sums.BilledMbMs,
                }, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return new IngestResult(batch.BatchId, batch.Records, Duplicate: false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<IReadOnlyList<UsageAggregate>> ListAsync(string account, string month, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        return await new SqliteCommands(connection, transaction).QueryAsync("""
            SELECT function_name, version, style, requests, throttled, errors, billed_ms, billed_mb_ms FROM usage_monthly
            WHERE account_id = @account AND month = @month ORDER BY function_name, version, style
            """, new { account, month }, r => new UsageAggregate(
                new UsageKey(account, month, r.GetString(0), r.GetString(1), r.GetString(2)),
                new UsageCounters(r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7))), cancellationToken);
    }

    private Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _database.OpenAsync(cancellationToken);

    public void Dispose() => _writeLock.Dispose();
}
