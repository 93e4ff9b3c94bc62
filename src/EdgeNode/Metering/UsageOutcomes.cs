using EdgeCompute.EdgeNode.Runtime;

namespace EdgeCompute.EdgeNode.Metering;

/// <summary>The contract's outcome names for the runtime's outcomes.</summary>
internal static class UsageOutcomes
{
    public static string WireName(InvocationOutcome outcome) => outcome switch
    {
        InvocationOutcome.Ok => "ok",
        InvocationOutcome.ExecutionError => "error",
        InvocationOutcome.InvalidResult => "invalid",
        InvocationOutcome.Timeout => "timeout",
        InvocationOutcome.MemoryLimit => "limit",
        InvocationOutcome.Throttled => "throttled",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "no usage outcome for it"),
    };
}
