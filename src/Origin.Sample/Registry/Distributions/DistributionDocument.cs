using System.Text.Json.Serialization;

namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>A distribution as the API takes and returns it: the node's shape, qualified bindings, and <see cref="Development"/>.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record DistributionDocument : DistributionShape<FunctionBinding>
{
    /// <summary>Allows <c>$LATEST</c> bindings: every code upload reaches the nodes at once.</summary>
    public bool Development { get; init; }

    /// <summary>The host names a request may carry: the domain name and the aliases, lower case.</summary>
    public IEnumerable<string> HostNames() =>
        new[] { DomainName }.Concat(Aliases).Where(h => !string.IsNullOrEmpty(h)).Select(h => h!.ToLowerInvariant()).Distinct();
}
