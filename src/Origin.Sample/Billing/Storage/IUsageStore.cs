using EdgeCompute.Origin.Sample.Billing.Ingestion;
using EdgeCompute.Origin.Sample.Billing.Usage;

namespace EdgeCompute.Origin.Sample.Billing.Storage;

/// <summary>
/// Where ingested batches and the monthly sums live. Kept apart from the registry's
/// <c>IRegistryStore</c>: billing neither reads nor changes registry records, and nodes report usage
/// far more often than anyone deploys, so it takes none of the registry's sessions or locks.
/// </summary>
internal interface IUsageStore
{
    /// <summary>
    /// Records the batch id and adds the batch's sums in one transaction. A batch id already recorded
    /// changes nothing and answers <see cref="IngestResult.Duplicate"/>.
    /// </summary>
    Task<IngestResult> IngestAsync(UsageBatch batch, CancellationToken cancellationToken);

    /// <summary>One account's sums for one month (<c>yyyy-MM</c>), ordered by function, version and style.</summary>
    Task<IReadOnlyList<UsageAggregate>> ListAsync(string account, string month, CancellationToken cancellationToken);
}
