using System.Diagnostics;
using EdgeCompute.EdgeNode.Observability;

namespace EdgeCompute.EdgeNode.Forwarding;

/// <summary>
/// Times one origin request into <c>edge_origin_request_duration_seconds</c>, once: at the response
/// headers, or when the forward ends without any. One per forwarded request, only with metrics on.
/// </summary>
internal sealed class OriginTimer
{
    private readonly BufferedHistogram _histogram;
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _stopped;

    public OriginTimer(BufferedHistogram histogram)
    {
        _histogram = histogram;
    }

    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            _histogram.Observe(Stopwatch.GetElapsedTime(_started));
        }
    }
}
