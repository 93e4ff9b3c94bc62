using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Metering;

/// <summary>
/// Meters function invocations: called once per invocation, on its thread, when its outcome is
/// known and before anything of its result reaches the viewer or the origin.
/// </summary>
internal sealed class UsageMeter
{
    private readonly UsageSpool _spool;
    private readonly TimeProvider _time;
    private readonly int _granularityMs;

    public UsageMeter(UsageSpool spool, IOptions<MeteringOptions> options, TimeProvider time)
    {
        _spool = spool;
        _time = time;
        _granularityMs = options.Value.GranularityMs;
    }

    /// <summary>
    /// Records one invocation of <paramref name="function"/> on <paramref name="eventType"/>: its
    /// <paramref name="outcome"/> (<see cref="InvocationOutcome.InvalidResult"/> too when the node
    /// refused a result the runtime read fine) and how long its code ran. False when the spool dropped it.
    /// </summary>
    public bool Record(FunctionModel function, EdgeEventType eventType, InvocationOutcome outcome, TimeSpan duration)
    {
        // Throttled: no isolate was free, the code did not run, and nothing is billed.
        var billed = outcome == InvocationOutcome.Throttled ? 0 : BilledDuration.Milliseconds(duration, _granularityMs);
        var record = new UsageRecord(
            function.Account,
            function.FunctionName,
            function.Version,
            eventType.ToWireName(),
            function.CloudFrontVersion is null ? UsageRecord.LambdaEdgeStyle : UsageRecord.CloudFrontFunctionsStyle,
            function.Engine,
            UsageOutcomes.WireName(outcome),
            duration.TotalMilliseconds,
            billed,
            function.MemorySizeMb,
            _time.GetUtcNow() - duration);
        return _spool.Append(record);
    }
}
