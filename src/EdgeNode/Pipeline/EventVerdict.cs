using EdgeCompute.EdgeNode.Events;

namespace EdgeCompute.EdgeNode.Pipeline;

/// <summary>What an event stage decided; the handler owns the transitions.</summary>
internal enum EventVerdict
{
    /// <summary>Go on to the next stage (no function, or the function returned the request/response).</summary>
    Continue,

    /// <summary>A request event's function returned a response.</summary>
    Generated,

    /// <summary>The function failed; the error answer is written and the request is over.</summary>
    Failed,
}

/// <summary>A verdict, with the generated response or replaced body where there is one.</summary>
internal readonly record struct EventOutcome(EventVerdict Verdict, GeneratedResponse? Response = null, byte[]? ReplacedBody = null)
{
    public static readonly EventOutcome Continue = new(EventVerdict.Continue);
    public static readonly EventOutcome Failed = new(EventVerdict.Failed);
}
