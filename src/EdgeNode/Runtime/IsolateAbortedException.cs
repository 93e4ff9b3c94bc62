namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// An engine stopped user code for a reason the bridge could not report itself (a limit, or the
/// engine failing): <see cref="Outcome"/> says which. The isolate is broken and gets discarded.
/// Thrown by engines whose own exceptions <see cref="FunctionRuntime"/> does not know, so that the
/// runtime maps outcomes in one place for every engine.
/// </summary>
internal sealed class IsolateAbortedException(InvocationOutcome outcome, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary><see cref="InvocationOutcome.Timeout"/>, <see cref="InvocationOutcome.MemoryLimit"/> or <see cref="InvocationOutcome.ExecutionError"/>.</summary>
    public InvocationOutcome Outcome { get; } = outcome;
}
