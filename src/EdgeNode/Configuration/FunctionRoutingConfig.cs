using System.Text.Json.Serialization;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>
/// A weighted alias, as Lambda's routing config: <see cref="Weight"/> of the invocations go to the
/// function <see cref="Name"/>, the rest to the association's own function.
/// </summary>
// Unknown members are errors: a typo in a setting must not be silently ignored.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FunctionRoutingConfig
{
    /// <summary>The other function's name: a folder under the functions directory.</summary>
    public string? Name { get; init; }

    /// <summary>The share of invocations it gets, in [0, 1).</summary>
    public double Weight { get; init; }
}
