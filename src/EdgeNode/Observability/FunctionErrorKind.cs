using EdgeCompute.EdgeNode.Runtime;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>The <c>kind</c> label of <c>edge_function_errors_total</c>.</summary>
internal enum FunctionErrorKind
{
    Execution,
    Validation,

    /// <summary>Timeout or memory.</summary>
    Limit,

    /// <summary>Every isolate the function may have was busy.</summary>
    Throttle,
}

internal static class FunctionErrorKinds
{
    public static readonly string[] Labels = ["execution", "validation", "limit", "throttle"];

    /// <summary>The kind of a failed invocation; null when it succeeded. A result the node refused is a validation error.</summary>
    public static FunctionErrorKind? Of(InvocationOutcome outcome, bool resultRefused) => outcome switch
    {
        InvocationOutcome.Ok => resultRefused ? FunctionErrorKind.Validation : null,
        InvocationOutcome.ExecutionError => FunctionErrorKind.Execution,
        InvocationOutcome.InvalidResult => FunctionErrorKind.Validation,
        InvocationOutcome.Throttled => FunctionErrorKind.Throttle,
        _ => FunctionErrorKind.Limit,
    };
}
