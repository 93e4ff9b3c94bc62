using System.Text.Json.Serialization;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>
/// A CloudFront origin request policy, in CloudFront's shape. Only its headers part is read: the
/// CloudFront-* headers it names are added to the request (viewer headers are forwarded anyway).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record OriginRequestPolicyConfig
{
    /// <summary><c>none</c>, <c>whitelist</c>, <c>allViewer</c> or <c>allViewerAndWhitelistCloudFront</c>, with the header names.</summary>
    public CacheKeyItemsConfig? Headers { get; init; }
}
