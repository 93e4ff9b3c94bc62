using EdgeCompute.EdgeNode.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

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
        var requestBytes = request.ContentLength ?? edge?.RequestBodyCounter?.Count ?? 0;
        var responseBytes = HttpMethods.IsHead(request.Method) ? 0 : context.Response.ContentLength ?? edge?.ResponseBodyCounter?.Count ?? 0;
        _metrics.ForBehavior(edge?.Distribution, edge?.Behavior)
            .Record(status, edge?.CacheResult ?? CacheResult.Error, requestBytes, responseBytes);
    }

    /// <summary>
    /// A request body without a Content-Length (chunked) is counted as it is read, by whoever reads it
    /// (the forwarder, or a function's include-body). A body with a length is counted from it.
    /// </summary>
    public void CountRequestBody(HttpContext context, EdgeRequestFeature edge)
    {
        var request = context.Request;
        if (request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            request.Body = edge.RequestBodyCounter = new ByteCountingStream(request.Body);
        }
    }

    /// <summary>The body about to be sent: counted as it is written when the response has no Content-Length.</summary>
    public void CountResponseBody(HttpContext context, EdgeRequestFeature edge)
    {
        var response = context.Response;
        if (response.ContentLength is null && !HttpMethods.IsHead(context.Request.Method) && edge.ResponseBodyCounter is null)
        {
            response.Body = edge.ResponseBodyCounter = new ByteCountingStream(response.Body);
        }
    }
}
