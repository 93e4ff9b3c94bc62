namespace EdgeCompute.Origin.Sample.Billing.Usage;

/// <summary>One row of the monthly aggregate: a key and its sums.</summary>
internal sealed record UsageAggregate(UsageKey Key, UsageCounters Counters);
