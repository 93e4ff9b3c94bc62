using System.Text.Json;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// What one invocation produced. Owns <see cref="Result"/>'s document: dispose it after applying.
/// </summary>
public sealed class FunctionInvocationResult : IDisposable
{
    private readonly JsonDocument? _document;

    public FunctionInvocationResult(InvocationOutcome outcome, JsonDocument? document, JsonElement result, string? message)
    {
        Outcome = outcome;
        _document = document;
        Result = result;
        Message = message;
    }

    public InvocationOutcome Outcome { get; }

    /// <summary>The handler's result (request or response object, or null); valid while this is not disposed.</summary>
    public JsonElement Result { get; }

    /// <summary>What went wrong, for logs, when <see cref="Outcome"/> is not <see cref="InvocationOutcome.Ok"/>.</summary>
    public string? Message { get; }

    /// <summary>
    /// <see cref="Result"/> holds only what the function changed (absent fields are unchanged, headers
    /// may be in flat <c>key\0value\0</c> form), not the whole returned object.
    /// </summary>
    public bool IsDelta { get; init; }

    public TimeSpan Duration { get; internal set; }

    /// <summary>The isolate's start-up before this (cold) invocation; zero when warm.</summary>
    public TimeSpan InitDuration { get; internal set; }

    /// <summary>CloudFront Functions only: the invocation's share of the 1 ms CPU budget, 0–100.</summary>
    public int? ComputeUtilization { get; internal set; }

    public static FunctionInvocationResult Failed(InvocationOutcome outcome, string message) =>
        new(outcome, null, default, message);

    public void Dispose() => _document?.Dispose();
}
