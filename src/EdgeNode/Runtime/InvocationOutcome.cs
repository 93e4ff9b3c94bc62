namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>How entering user code ended. Expected failures are values, never exceptions.</summary>
public enum InvocationOutcome
{
    /// <summary>The handler completed with a result (which may still fail validation).</summary>
    Ok,

    /// <summary>The handler threw, rejected, called back with an error, or failed to initialise.</summary>
    ExecutionError,

    /// <summary>The result could not be read as JSON at all.</summary>
    InvalidResult,

    /// <summary>The function ran past its timeout and was interrupted.</summary>
    Timeout,

    /// <summary>The isolate's heap went over the function's memory setting.</summary>
    MemoryLimit,

    /// <summary>Every isolate the function may have was busy.</summary>
    Throttled,
}

public static class InvocationOutcomeExtensions
{
    /// <summary>Timeouts, memory and throttling are CloudFront's "limit exceeded" class.</summary>
    public static bool IsLimit(this InvocationOutcome outcome) =>
        outcome is InvocationOutcome.Timeout or InvocationOutcome.MemoryLimit or InvocationOutcome.Throttled;
}
