namespace EdgeCompute.EdgeNode.Observability;

/// <summary>The node's Prometheus metrics; bound from the <c>Metrics</c> section of edge.json.</summary>
public sealed class MetricsOptions
{
    /// <summary>
    /// Records request, origin and function metrics on the request path and exports them on the admin
    /// listener's <c>GET /metrics</c>. Off: nothing is recorded per request and <c>/metrics</c> is not served.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
