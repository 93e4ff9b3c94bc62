using EdgeCompute.EdgeNode.Pipeline;
using Microsoft.AspNetCore.Http;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>
/// Counts each viewer request once <see cref="EdgeRequestHandler"/> is done with it: <c>edge_requests_total</c>
/// and the byte counters, labelled from the request's <see cref="EdgeRequestFeature"/> (none when no
/// distribution served it), as a 500 when the handler threw.
/// </summary>
internal sealed class RequestMetricsRecorder
{
    private readonly EdgeMetrics _metrics;

    public RequestMetricsRecorder(EdgeMetrics metrics)
    {
        _metrics = metrics;
    }

    /// <summary>Counts one answered request; <paramref name="edge"/> is null when no distribution served it.</summary>
    public void Record(HttpContext context, EdgeRequestFeature? edge, int status)
    {
        var request = context.Request;
        var responseBytes = HttpMethods.IsHead(request.Method) ? 0 : context.Response.ContentLength ?? 0;
        _metrics.ForBehavior(edge?.Distribution, edge?.Behavior)
            .Record(status, edge?.CacheResult ?? CacheResult.Error, request.ContentLength ?? 0, responseBytes);
    }
}
