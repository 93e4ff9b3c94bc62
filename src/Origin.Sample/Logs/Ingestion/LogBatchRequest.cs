namespace EdgeCompute.Origin.Sample.Logs.Ingestion;

/// <summary>
/// The body of <c>POST /v1/edge/logs</c> as sent. Every member is nullable so that a missing one is
/// reported by <see cref="LogBatchValidator"/> by name, not as a deserialisation failure.
/// </summary>
internal sealed record LogBatchRequest(string? BatchId, string? NodeId, IReadOnlyList<LogRecordRequest?>? Records);
