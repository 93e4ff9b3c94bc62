using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using EdgeCompute.EdgeNode.Model;
using Prometheus;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>
/// The request path's metrics, created from the node's metric factory (one registry per node). The
/// labelled children are resolved once per behaviour, distribution and function version and kept
/// beside the immutable model objects, so that recording is a table lookup and an atomic add, with
/// no allocation. The two histograms observed on every request that reaches a function or the origin
/// are counted in <see cref="BufferedHistogram"/>s, which <see cref="Collect"/> hands to their series
/// before each export. Registered only when <see cref="MetricsOptions.Enabled"/>.
/// </summary>
internal sealed class EdgeMetrics
{
    // Seconds; an origin on the same machine answers in well under a millisecond, a slow one in seconds.
    // Immutable: every histogram of a kind shares its bounds, and prometheus-net is given a copy.
    private static readonly ImmutableArray<double> OriginBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    internal static readonly ImmutableArray<double> FunctionBuckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    private static readonly ImmutableArray<double> InitBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

    private readonly ConditionalWeakTable<CacheBehaviorModel, RequestMetricSet> _behaviors = [];
    private readonly ConditionalWeakTable<DistributionModel, BufferedHistogram> _origins = [];
    private readonly ConditionalWeakTable<FunctionModel, FunctionMetricSet?[]> _functions = [];
    private readonly ConditionalWeakTable<DistributionModel, BufferedHistogram>.CreateValueCallback _newOriginBuffer;
    // One buffer per series, whichever model asked for it: a reload's new models find the same buffers.
    private readonly ConcurrentDictionary<Histogram.Child, BufferedHistogram> _buffers = [];
    private readonly RequestMetricSet _unmatched;

    public EdgeMetrics(IMetricFactory factory)
    {
        Requests = factory.CreateCounter("edge_requests_total",
            "Viewer requests answered, by distribution, cache behaviour path pattern, status class and cache result.",
            ["distribution", "behavior", "status", "cache"]);
        RequestBytes = factory.CreateCounter("edge_request_bytes_total",
            "Request body bytes received from viewers (Content-Length, or counted as a chunked body is read).", ["distribution", "behavior"]);
        ResponseBytes = factory.CreateCounter("edge_response_bytes_total",
            "Response body bytes sent to viewers (Content-Length, or counted as a chunked body is written; HEAD and 204/304 send none).", ["distribution", "behavior"]);
        OriginDuration = factory.CreateHistogram("edge_origin_request_duration_seconds",
            "Time from sending a request to an origin until its response headers arrived (or the forward failed), per origin request.",
            ["distribution"], new HistogramConfiguration { Buckets = [.. OriginBuckets] });
        Invocations = factory.CreateCounter("edge_function_invocations_total",
            "Function invocations, by function, version and event.", ["function", "version", "event"]);
        Errors = factory.CreateCounter("edge_function_errors_total",
            "Failed function invocations by kind: execution, validation, limit (timeout, memory), throttle.",
            ["function", "version", "event", "kind"]);
        Duration = factory.CreateHistogram("edge_function_duration_seconds",
            "Function invocation duration (the REPORT line's Duration), by function, version and event.",
            ["function", "version", "event"], new HistogramConfiguration { Buckets = [.. FunctionBuckets] });
        InitDuration = factory.CreateHistogram("edge_function_init_duration_seconds",
            "Isolate start-up before a cold invocation (the REPORT line's Init Duration).",
            ["function", "version", "event"], new HistogramConfiguration { Buckets = [.. InitBuckets] });
        _newOriginBuffer = distribution => Buffer(OriginDuration.WithLabels(distribution.Id), OriginBuckets);
        _unmatched = new RequestMetricSet(this, "none", "none");
    }

    public Counter Requests { get; }
    public Counter RequestBytes { get; }
    public Counter ResponseBytes { get; }
    public Histogram OriginDuration { get; }
    public Counter Invocations { get; }
    public Counter Errors { get; }
    public Histogram Duration { get; }
    public Histogram InitDuration { get; }

    /// <summary>The request children of a behaviour; the unmatched set (labels <c>none</c>) for requests no distribution served.</summary>
    public RequestMetricSet ForBehavior(DistributionModel? distribution, CacheBehaviorModel? behavior)
    {
        if (distribution is null || behavior is null)
        {
            return _unmatched;
        }
        return _behaviors.TryGetValue(behavior, out var set) ? set : Add(distribution, behavior);
    }

    // Apart from ForBehavior, so that the closure is allocated only on a behaviour's first request.
    private RequestMetricSet Add(DistributionModel distribution, CacheBehaviorModel behavior) =>
        _behaviors.GetValue(behavior, b => new RequestMetricSet(this, distribution.Id, b.Pattern.Text));

    public BufferedHistogram ForOrigin(DistributionModel distribution) => _origins.GetValue(distribution, _newOriginBuffer);

    /// <summary>The function children of one function version and event.</summary>
    public FunctionMetricSet ForFunction(FunctionModel function, EdgeEventType eventType)
    {
        var byEvent = _functions.GetValue(function, static _ => new FunctionMetricSet?[Enum.GetValues<EdgeEventType>().Length]);
        return byEvent[(int)eventType] ??= new FunctionMetricSet(this, function.FunctionName, function.Version, eventType.ToWireName());
    }

    /// <summary>The function duration series of one function version and event.</summary>
    internal BufferedHistogram DurationOf(string[] labels) => Buffer(Duration.WithLabels(labels), FunctionBuckets);

    /// <summary>Hands the buffered histograms' observations to their series; called before each export.</summary>
    public void Collect()
    {
        foreach (var buffer in _buffers.Values)
        {
            buffer.Flush();
        }
    }

    private BufferedHistogram Buffer(Histogram.Child child, ImmutableArray<double> buckets) =>
        _buffers.GetOrAdd(child, static (child, buckets) => new BufferedHistogram(child, buckets.AsSpan()), buckets);
}
