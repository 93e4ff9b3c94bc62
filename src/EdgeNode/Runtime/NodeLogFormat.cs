namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>How function log lines are written to the node's log (<c>Runtime:NodeLog</c>).</summary>
public enum NodeLogFormat
{
    /// <summary>
    /// One JSON object per line on standard output, beside the node's own log, written in bursts of whole
    /// lines (<see cref="JsonLinesFunctionLogWriter"/>). The default: a few hundred nanoseconds a line.
    /// </summary>
    Json,

    /// <summary>
    /// Through <c>Microsoft.Extensions.Logging</c>, category <c>EdgeCompute.FunctionLogs</c>, to every logger
    /// provider the node has (its console formatter, or an exporter an operator adds). About ten times the
    /// cost of <see cref="Json"/> with the simple console formatter, and fifty with the JSON one.
    /// </summary>
    Logger,
}
