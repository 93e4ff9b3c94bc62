namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// Where <see cref="NodeFunctionLogSink"/> hands every function log line, already formatted by
/// <see cref="FunctionLogLineFormatter"/>, as it drains its queue: with a regional origin, the shipper's
/// buffer. Called on the drain thread, never on an invocation's.
/// </summary>
internal interface IFunctionLogLineQueue
{
    /// <summary>Takes a copy of <paramref name="line"/> (a JSON object); never blocks or does I/O.</summary>
    void Enqueue(ReadOnlySpan<byte> line);
}
