using System.Diagnostics;
using EdgeCompute.EdgeNode.Observability;

namespace EdgeCompute.EdgeNode.Forwarding;

/// <summary>
/// Times one origin request into <c>edge_origin_request_duration_seconds</c>, once: at the response
/// headers, or when the forward ends without any. One per forwarded request, only with metrics on.
/// </summary>
internal sealed class OriginTimer
{
    private readonly OriginDurationMetric _metric;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _stopped;

    public OriginTimer(OriginDurationMetric metric)
    {
        _metric = metric;
    }

    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _metric.Record(Stopwatch.GetElapsedTime(_started));
        }
    }
}
