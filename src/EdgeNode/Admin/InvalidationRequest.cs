namespace EdgeCompute.EdgeNode.Admin;

/// <summary>
/// The body of <c>POST /invalidations</c>: CloudFront's invalidation paths (<c>/a.html</c>,
/// <c>/images/*</c>), for one distribution or, when absent, every distribution on the node.
/// </summary>
public sealed record InvalidationRequest(IReadOnlyList<string>? Paths, string? DistributionId);

/// <summary>The answer: how many stored URLs (with their query and Vary variants) were removed.</summary>
public sealed record InvalidationResult(string Id, string? DistributionId, IReadOnlyList<string> Paths, int Invalidated);
