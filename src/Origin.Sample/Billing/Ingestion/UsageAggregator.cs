using EdgeCompute.Origin.Sample.Billing.Usage;

namespace EdgeCompute.Origin.Sample.Billing.Ingestion;

/// <summary>Sums records per account, UTC month, function, version and style, so the store updates one row per key.</summary>
internal static class UsageAggregator
{
    public static IReadOnlyList<UsageAggregate> Aggregate(IEnumerable<UsageRecord> records)
    {
        var sums = new Dictionary<UsageKey, UsageCounters>();
        foreach (var record in records)
        {
            var key = new UsageKey(record.Account, BillingMonth.Of(record.Time), record.Function, record.Version, record.Style);
            sums[key] = sums.GetValueOrDefault(key, UsageCounters.Zero).Add(CountersOf(record));
        }
        return sums.Select(s => new UsageAggregate(s.Key, s.Value)).ToList();
    }

    private static UsageCounters CountersOf(UsageRecord record) =>
        UsageOutcomes.IsBilled(record.Outcome)
            ? new UsageCounters(1, 0, UsageOutcomes.IsError(record.Outcome) ? 1 : 0, record.BilledMs, record.BilledMs * record.MemoryMb)
            : new UsageCounters(0, 1, 0, 0, 0);
}
