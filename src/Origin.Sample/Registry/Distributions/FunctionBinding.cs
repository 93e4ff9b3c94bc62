using System.Text.Json.Serialization;

namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>A function association as the API takes it: a function of the same account and a qualifier.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record FunctionBinding
{
    public string? Name { get; init; }

    /// <summary>A version number, an alias, or <c>$LATEST</c> (development distributions only).</summary>
    public string? Qualifier { get; init; }

    public bool IncludeBody { get; init; }
}
