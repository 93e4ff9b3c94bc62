namespace EdgeCompute.Origin.Sample.Billing.Ingestion;

/// <summary>A record that passed <see cref="UsageBatchValidator"/>: only what billing aggregates.</summary>
internal sealed record UsageRecord(string Account, string Function, string Version, string Style, string Outcome,
    long BilledMs, int MemoryMb, DateTimeOffset Time);
