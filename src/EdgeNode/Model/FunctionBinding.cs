namespace EdgeCompute.EdgeNode.Model;

/// <summary>A function associated with one event of a cache behaviour.</summary>
public sealed record FunctionBinding(EdgeEventType EventType, FunctionModel Function, bool IncludeBody)
{
    private readonly FunctionBinding? _routed;

    /// <summary>
    /// A weighted alias's other function and its share of the invocations, in [0, 1); null when every
    /// invocation runs <see cref="Function"/>.
    /// </summary>
    public FunctionRouting? Routing
    {
        get;
        init
        {
            field = value;
            // Built once here, so that choosing costs no allocation per invocation.
            _routed = value is null ? null : new FunctionBinding(EventType, value.Function, IncludeBody);
        }
    }

    /// <summary>
    /// The binding one invocation runs: the routing function's when <paramref name="sample"/> (uniform
    /// in [0, 1)) falls below its weight, else this one.
    /// </summary>
    public FunctionBinding Choose(double sample) => _routed is not null && sample < Routing!.Weight ? _routed : this;
}
