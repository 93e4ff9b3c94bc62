using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Pipeline;

/// <summary>
/// The per-request state of the edge pipeline, set by the first stage and read by the later ones.
/// It pins the snapshot the request started with: a config reload never changes its rules.
/// </summary>
internal sealed class EdgeRequestFeature
{
    public required EdgeSnapshot Snapshot { get; init; }
    public required DistributionModel Distribution { get; init; }
    public required CacheBehaviorModel Behavior { get; init; }
    public required string RequestId { get; init; }
    /// <summary>The viewer: the connection's peer, or who trusted proxies named in X-Forwarded-For (<see cref="Geo.ViewerAddressResolver"/>).</summary>
    public required Geo.ViewerAddress Viewer { get; init; }

    /// <summary>The event's <c>clientIp</c>: the viewer's address.</summary>
    public required string ClientIp { get; init; }

    /// <summary>The X-Forwarded-For the origin gets, when trusted proxies named the viewer in it; null: the viewer's address is appended.</summary>
    public string? ForwardedFor { get; init; }

    /// <summary>The uri as received, then as functions left it (raw, percent-encoded, leading <c>/</c>).</summary>
    public required string Uri { get; set; }

    /// <summary>The raw query string without <c>?</c>, as received, then as functions left it.</summary>
    public required string QueryString { get; set; }

    /// <summary>Where the request goes: the behaviour's origin unless origin-request switched it.</summary>
    public required OriginModel Origin { get; set; }

    /// <summary>Where a GET or HEAD goes when the origin fails (an origin group a function created), once.</summary>
    public OriginFailover? Failover { get; set; }

    /// <summary>The Host header for the origin, once an origin-request function has seen (and maybe changed) it.</summary>
    public string? OriginHost { get; set; }

    /// <summary>The status the origin stage produced (origin or origin-request function), before origin-response.</summary>
    public int OriginStatus { get; set; }

    /// <summary>How the cache took part in the viewer's answer, for metrics (set where the answer is written).</summary>
    public Observability.CacheResult CacheResult { get; set; }

    /// <summary>Counts the viewer's request body when it came without a Content-Length (metrics on only).</summary>
    public Observability.ByteCountingStream? RequestBodyCounter { get; set; }

    /// <summary>Counts the body sent to the viewer when it goes without a Content-Length (metrics on only).</summary>
    public Observability.ByteCountingStream? ResponseBodyCounter { get; set; }

    /// <summary>The path the cache files the response under (the uri after viewer-request), for invalidation.</summary>
    public string CachePath { get; init; } = "";

    /// <summary>
    /// A copy for an origin fetch: origin-request may change the uri, origin and Host for the fetch
    /// without touching what the viewer's own stages see.
    /// </summary>
    public EdgeRequestFeature ForFetch() => new()
    {
        Snapshot = Snapshot,
        Distribution = Distribution,
        Behavior = Behavior,
        RequestId = RequestId,
        Viewer = Viewer,
        ClientIp = ClientIp,
        ForwardedFor = ForwardedFor,
        Uri = Uri,
        QueryString = QueryString,
        Origin = Origin,
        OriginHost = OriginHost,
        Failover = Failover,
        CachePath = Uri,
    };

    /// <summary>The Host header value the origin receives when no function chose one.</summary>
    public string DefaultOriginHost(string viewerHost) => Behavior.ForwardHost ? viewerHost : Origin.Authority;
}
