using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// The strings from which the bridge builds the Lambda@Edge event inside V8. Headers travel as one
/// string, <c>key\0value\0key\0value</c>: one string crosses into V8 far faster than an object graph.
/// </summary>
public sealed class FunctionEventInput
{
    public required EdgeEventType EventType { get; init; }
    public required string RequestId { get; init; }
    public required string DistributionId { get; init; }
    public required string DistributionDomainName { get; init; }
    public required string ClientIp { get; init; }
    public required string Method { get; init; }
    public required string Uri { get; init; }
    public required string QueryString { get; init; }
    public required string RequestHeaders { get; init; }

    /// <summary>The <c>request.body</c> object as JSON, only with includeBody.</summary>
    public string? BodyJson { get; init; }

    /// <summary>The <c>request.origin</c> object as JSON, only in origin events.</summary>
    public string? OriginJson { get; init; }

    /// <summary>Response events only.</summary>
    public string? Status { get; init; }
    public string? StatusDescription { get; init; }
    public string? ResponseHeaders { get; init; }
}
