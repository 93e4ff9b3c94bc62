namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>Where function log lines go: the node's log by default; the CLI collects them instead.</summary>
public interface IFunctionLogSink
{
    void Write(in FunctionLogRecord record);
}
