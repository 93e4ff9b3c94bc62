namespace EdgeCompute.Origin.Sample.Logs.Storage;

/// <summary>
/// One stored function log line. <see cref="Sequence"/> is the node's own counter: with <see cref="Time"/>
/// and <see cref="NodeId"/> it orders lines written in the same tick.
/// </summary>
internal sealed record LogEntry(
    DateTimeOffset Time,
    string NodeId,
    long Sequence,
    string RequestId,
    string Account,
    string Function,
    string Version,
    string Event,
    string Level,
    string Message);
