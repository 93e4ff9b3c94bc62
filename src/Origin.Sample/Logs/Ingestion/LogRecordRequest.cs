namespace EdgeCompute.Origin.Sample.Logs.Ingestion;

/// <summary>One function log line as a node sends it: a console call or the REPORT line.</summary>
internal sealed record LogRecordRequest(
    string? Time,
    long? Sequence,
    string? RequestId,
    string? Account,
    string? Function,
    string? Version,
    string? Event,
    string? Level,
    string? Message);
