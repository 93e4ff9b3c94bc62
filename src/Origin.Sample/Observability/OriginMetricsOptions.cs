namespace EdgeCompute.Origin.Sample.Observability;

/// <summary>The <c>Metrics</c> section of the regional origin's configuration.</summary>
public sealed class OriginMetricsOptions
{
    /// <summary>A node counts as connected when its last poll is at most this old.</summary>
    public TimeSpan NodeConnectedWithin { get; set; } = TimeSpan.FromMinutes(2);
}
