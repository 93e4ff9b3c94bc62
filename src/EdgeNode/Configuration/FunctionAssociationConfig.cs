using System.Text.Json.Serialization;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>Binds a function to one event of a cache behaviour.</summary>
// Unknown members are errors: a typo in a setting must not be silently ignored.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FunctionAssociationConfig
{
    /// <summary>The function's name: a folder under the functions directory.</summary>
    public string? Name { get; init; }

    /// <summary>Request events only: pass the request body to the function (base64, truncated past the limit).</summary>
    public bool IncludeBody { get; init; }

    /// <summary>Sends a share of the invocations to another function (a weighted alias); absent: all go to <see cref="Name"/>.</summary>
    public FunctionRoutingConfig? Routing { get; init; }
}
