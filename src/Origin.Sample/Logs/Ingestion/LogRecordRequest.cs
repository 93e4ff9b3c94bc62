namespace EdgeCompute.Origin.Sample.Logs.Ingestion;

/// <summary>
/// One function log line as a node sends it: a console call or the REPORT line. A node sends its own log's
/// JSON line (<c>timestamp</c>, and a <c>nodeId</c> that the batch's own overrides); <c>time</c> is the name
/// nodes before that sent, still taken.
/// </summary>
internal sealed record LogRecordRequest(
    string? Timestamp,
    string? Time,
    long? Sequence,
    string? RequestId,
    string? Account,
    string? Function,
    string? Version,
    string? Event,
    string? Level,
    string? Message);
