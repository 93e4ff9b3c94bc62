using EdgeCompute.Origin.Sample.Billing.Usage;

namespace EdgeCompute.Origin.Sample.Billing.Ingestion;

/// <summary>A valid batch, already summed per key: what the store adds in one transaction.</summary>
/// <param name="Records">How many records the batch held (throttled ones included).</param>
internal sealed record UsageBatch(string BatchId, string NodeId, int Records, IReadOnlyList<UsageAggregate> Aggregates);
