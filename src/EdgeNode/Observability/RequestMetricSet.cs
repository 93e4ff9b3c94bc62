using Prometheus;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>
/// The request counts of one distribution and cache behaviour path pattern: requests per status class and
/// cache result, and the bytes in and out. Counted on the request path in one array of plain counts and
/// handed to the prometheus-net children by <see cref="Flush"/>, before each export, as
/// <see cref="BufferedHistogram"/> does for durations: a request touches one array, not a prometheus-net
/// child (and its exemplar settings) per counter. One per label set for the node's lifetime, shared by
/// every model of that behaviour, so that a reload loses nothing counted.
/// </summary>
internal sealed class RequestMetricSet
{
    // A cell per status class and cache result, then the two byte counts.
    private static readonly int Results = CacheResultLabels.Values.Length;
    private static readonly int Cells = StatusClass.Labels.Length * Results;
    private static readonly int RequestBytesCell = Cells;
    private static readonly int ResponseBytesCell = Cells + 1;

    private readonly Counter _requests;
    private readonly string _distribution;
    private readonly string _behavior;
    private readonly long[] _pending = new long[Cells + 2];
    private readonly Counter.Child?[] _children = new Counter.Child?[Cells];
    private readonly Counter.Child _requestBytes;
    private readonly Counter.Child _responseBytes;

    public RequestMetricSet(EdgeMetrics metrics, string distribution, string behavior)
    {
        _requests = metrics.Requests;
        _distribution = distribution;
        _behavior = behavior;
        _requestBytes = metrics.RequestBytes.WithLabels(distribution, behavior);
        _responseBytes = metrics.ResponseBytes.WithLabels(distribution, behavior);
    }

    public void Record(int status, CacheResult cache, long requestBytes, long responseBytes)
    {
        Interlocked.Increment(ref _pending[StatusClass.Index(status) * Results + (int)cache]);
        if (requestBytes > 0)
        {
            Interlocked.Add(ref _pending[RequestBytesCell], requestBytes);
        }
        if (responseBytes > 0)
        {
            Interlocked.Add(ref _pending[ResponseBytesCell], responseBytes);
        }
    }

    /// <summary>Hands what was counted since the last flush to the prometheus-net children.</summary>
    public void Flush()
    {
        for (var cell = 0; cell < Cells; cell++)
        {
            if (Interlocked.Exchange(ref _pending[cell], 0) is > 0 and var count)
            {
                // Children are resolved here, off the request path, for the label sets that occur.
                var child = _children[cell] ??= _requests.WithLabels(_distribution, _behavior,
                    StatusClass.Labels[cell / Results], CacheResultLabels.Values[cell % Results]);
                child.Inc(count);
            }
        }
        if (Interlocked.Exchange(ref _pending[RequestBytesCell], 0) is > 0 and var received)
        {
            _requestBytes.Inc(received);
        }
        if (Interlocked.Exchange(ref _pending[ResponseBytesCell], 0) is > 0 and var sent)
        {
            _responseBytes.Inc(sent);
        }
    }
}
