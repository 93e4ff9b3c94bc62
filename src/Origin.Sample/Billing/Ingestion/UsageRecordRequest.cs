namespace EdgeCompute.Origin.Sample.Billing.Ingestion;

/// <summary>One metered invocation as a node sends it (docs/usage-contract.md, "What a node meters").</summary>
internal sealed record UsageRecordRequest(
    string? Account,
    string? Function,
    string? Version,
    string? Event,
    string? Style,
    string? Engine,
    string? Outcome,
    double? DurationMs,
    long? BilledDurationMs,
    int? MemoryMb,
    string? Time);
