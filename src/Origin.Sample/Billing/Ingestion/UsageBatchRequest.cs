namespace EdgeCompute.Origin.Sample.Billing.Ingestion;

/// <summary>
/// The body of <c>POST /v1/edge/usage</c> as sent. Every member is nullable so that a missing one is
/// reported by <see cref="UsageBatchValidator"/> by name, not as a deserialisation failure.
/// </summary>
internal sealed record UsageBatchRequest(string? BatchId, string? NodeId, IReadOnlyList<UsageRecordRequest?>? Records);
