namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>Where function log lines go: the node's log by default; the CLI collects them instead.</summary>
public interface IFunctionLogSink
{
    void Write(in FunctionLogRecord record);

    /// <summary>
    /// Whether a line of <paramref name="level"/> (<c>INFO</c>, <c>ERROR</c>, <c>REPORT</c>, ...) goes anywhere;
    /// when it does not, the runtime records nothing for it (a REPORT line would otherwise be recorded for
    /// every invocation).
    /// </summary>
    bool IsEnabled(string level) => true;
}
