using Prometheus;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>
/// The request children of one cache behaviour: a counter per status class and cache result
/// (resolved on first use), and its byte counters. Lives as long as the behaviour's model.
/// </summary>
internal sealed class RequestMetricSet
{
    private readonly Counter _requests;
    private readonly string _distribution;
    private readonly string _behavior;
    private readonly Counter.Child?[] _children = new Counter.Child?[StatusClass.Labels.Length * CacheResultLabels.Values.Length];
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
        var statusClass = StatusClass.Index(status);
        var index = statusClass * CacheResultLabels.Values.Length + (int)cache;
        // A race resolves the same child twice: prometheus-net hands out one child per label set.
        var child = _children[index] ??= _requests.WithLabels(_distribution, _behavior, StatusClass.Labels[statusClass], CacheResultLabels.Values[(int)cache]);
        child.Inc();
        if (requestBytes > 0)
        {
            _requestBytes.Inc(requestBytes);
        }
        if (responseBytes > 0)
        {
            _responseBytes.Inc(responseBytes);
        }
    }
}
