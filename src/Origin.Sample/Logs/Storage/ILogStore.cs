using EdgeCompute.Origin.Sample.Logs.Ingestion;
using EdgeCompute.Origin.Sample.Logs.Query;

namespace EdgeCompute.Origin.Sample.Logs.Storage;

/// <summary>
/// Where function log lines live. Kept apart from the registry's <c>IRegistryStore</c>, as billing's
/// store is: nodes send logs far more often than anyone deploys, so it takes none of the registry's locks.
/// </summary>
internal interface ILogStore
{
    /// <summary>Records the batch id and stores its lines in one transaction; a batch id already recorded changes nothing.</summary>
    Task<LogIngestResult> IngestAsync(LogBatch batch, CancellationToken cancellationToken);

    /// <summary>One account's lines matching <paramref name="query"/>, by time, node and sequence; at most <see cref="LogQuery.Limit"/> + 1.</summary>
    Task<IReadOnlyList<LogEntry>> QueryAsync(string account, LogQuery query, CancellationToken cancellationToken);

    /// <summary>Deletes lines older than <paramref name="cutoff"/> and batch ids received before it; how many lines went.</summary>
    Task<int> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
