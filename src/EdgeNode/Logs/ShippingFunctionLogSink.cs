using EdgeCompute.EdgeNode.Runtime;

namespace EdgeCompute.EdgeNode.Logs;

/// <summary>
/// With a regional origin: each function log line goes to the node's log as before, and into the
/// <see cref="LogBuffer"/> that the shipper drains. Cheap on the invocation path: no I/O, no waiting.
/// </summary>
internal sealed class ShippingFunctionLogSink(NodeFunctionLogSink nodeLog, LogBuffer buffer) : IFunctionLogSink
{
    public void Write(in FunctionLogRecord record)
    {
        nodeLog.Write(record);
        buffer.Add(record);
    }
}
