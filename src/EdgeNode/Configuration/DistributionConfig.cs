using System.Text.Json.Serialization;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>A CloudFront-style distribution: its names, origins and ordered cache behaviours.</summary>
// Unknown members are errors: a typo in a setting must not be silently ignored.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record DistributionConfig
{
    /// <summary>Distribution id, e.g. <c>EDFDVBD6EXAMPLE</c>; shown to functions as <c>distributionId</c>.</summary>
    public string? Id { get; init; }

    /// <summary>The distribution's own domain name (<c>distributionDomainName</c>); also matched on Host.</summary>
    public string? DomainName { get; init; }

    /// <summary>Alternate domain names matched on Host (port ignored).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Serves requests whose Host matches no distribution. At most one may set it.</summary>
    public bool Default { get; init; }

    public IReadOnlyList<OriginConfig> Origins { get; init; } = [];

    /// <summary>Evaluated in order; the first whose path pattern matches wins. The last should be <c>*</c>.</summary>
    public IReadOnlyList<CacheBehaviorConfig> CacheBehaviors { get; init; } = [];

    /// <summary>
    /// Runs viewer-response also when the origin answered with 400 or more. CloudFront never does;
    /// users ask for it so that security headers reach error pages too.
    /// </summary>
    public bool RunViewerResponseOnErrors { get; init; }
}
