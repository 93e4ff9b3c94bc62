namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>Operator settings of the function runtime, bound from the <c>Runtime</c> configuration section.</summary>
public sealed class FunctionRuntimeOptions
{
    /// <summary>An idle isolate is disposed after this long (scale to zero).</summary>
    public TimeSpan IsolateIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Isolates per function version when its settings do not say.</summary>
    public int DefaultMaxConcurrency { get; set; } = 64;

    /// <summary>
    /// Hand back whole results instead of only what the function changed. The node reads changes;
    /// <c>edge test</c> shows users exactly what their function returned.
    /// </summary>
    public bool FullResults { get; set; }

    /// <summary>This node's name in log streams and REPORT lines.</summary>
    public string NodeId { get; set; } = Environment.MachineName;

    /// <summary>
    /// How often function log lines queued since the last time are written to the node's log (they are
    /// written in bursts, see <see cref="NodeFunctionLogSink"/>): the most a line waits.
    /// </summary>
    public TimeSpan NodeLogInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How function log lines are written to the node's log: JSON lines on standard output (the default), or
    /// through the node's logger providers. Either way <c>Logging:LogLevel:EdgeCompute.FunctionLogs</c> says
    /// which levels are written.
    /// </summary>
    public NodeLogFormat NodeLog { get; set; } = NodeLogFormat.Json;

    /// <summary>The region functions see: <c>AWS_REGION</c>, their ARN and log group.</summary>
    public string Region { get; set; } = "us-east-1";
}
