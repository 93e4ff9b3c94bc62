namespace EdgeCompute.EdgeNode.Model;

/// <summary>A validated distribution: behaviours in match order.</summary>
public sealed class DistributionModel
{
    public required string Id { get; init; }
    public required string DomainName { get; init; }
    public required IReadOnlyList<string> HostNames { get; init; }
    public required IReadOnlyList<CacheBehaviorModel> Behaviors { get; init; }
    public bool RunViewerResponseOnErrors { get; init; }

    /// <summary>The distribution's origins by id (for CloudFront Functions' <c>selectRequestOriginById</c>).</summary>
    public IReadOnlyDictionary<string, OriginModel> Origins { get; init; } = new Dictionary<string, OriginModel>();

    /// <summary>The first behaviour whose pattern matches the path; null when none does.</summary>
    public CacheBehaviorModel? MatchBehavior(string path)
    {
        foreach (var behavior in Behaviors)
        {
            if (behavior.Pattern.IsMatch(path))
            {
                return behavior;
            }
        }
        return null;
    }
}
