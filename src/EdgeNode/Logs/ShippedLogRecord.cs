using EdgeCompute.EdgeNode.Runtime;

namespace EdgeCompute.EdgeNode.Logs;

/// <summary>
/// A function log line waiting to be shipped, with its place in this node's order:
/// <paramref name="Sequence"/> grows by one per line, so lines with the same timestamp keep their order.
/// </summary>
internal readonly record struct ShippedLogRecord(long Sequence, FunctionLogRecord Record);
