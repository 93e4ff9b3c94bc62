using EdgeCompute.EdgeNode.Pipeline;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace EdgeCompute.EdgeNode.Forwarding;

/// <summary>
/// Shapes the origin request the way CloudFront does (the uri and querystring as functions left
/// them, the origin's Host unless forwarded, custom origin headers, Via, X-Forwarded-For,
/// X-Amz-Cf-Id) and hands the origin's response headers to the response events before any byte
/// of the body reaches the viewer. One per forwarded request.
/// </summary>
internal sealed class EdgeHttpTransformer : HttpTransformer
{
    private static readonly UriCreationOptions RawUri = new() { DangerousDisablePathAndQueryCanonicalization = true };

    private readonly EdgeRequestFeature _edge;
    private readonly string _via;
    private readonly Func<HttpContext, EdgeRequestFeature, ValueTask<bool>> _onResponse;
    private readonly OriginTimer? _timer;

    /// <param name="timer">Observes the time to the origin's response headers; null when metrics are off.</param>
    public EdgeHttpTransformer(EdgeRequestFeature edge, string via, Func<HttpContext, EdgeRequestFeature, ValueTask<bool>> onResponse,
        OriginTimer? timer = null)
    {
        _timer = timer;
        _edge = edge;
        _via = via;
        _onResponse = onResponse;
    }

    public override async ValueTask TransformRequestAsync(HttpContext httpContext, HttpRequestMessage proxyRequest,
        string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);
        var target = _edge.QueryString.Length == 0 ? destinationPrefix + _edge.Uri : destinationPrefix + _edge.Uri + "?" + _edge.QueryString;
        proxyRequest.RequestUri = new Uri(target, in RawUri);
        proxyRequest.Headers.Host = _edge.OriginHost ?? _edge.DefaultOriginHost(httpContext.Request.Host.Value ?? "");
        foreach (var (name, value) in _edge.Origin.CustomHeaders)
        {
            proxyRequest.Headers.Remove(name);
            proxyRequest.Headers.TryAddWithoutValidation(name, value);
        }
        proxyRequest.Headers.TryAddWithoutValidation("Via", _via);
        if (_edge.ForwardedFor is { } forwardedFor)
        {
            // Trusted proxies named the viewer: their own hops go, and the list ends with the viewer.
            proxyRequest.Headers.Remove("X-Forwarded-For");
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }
        else
        {
            proxyRequest.Headers.TryAddWithoutValidation("X-Forwarded-For", _edge.ClientIp);
        }
        proxyRequest.Headers.TryAddWithoutValidation("X-Amz-Cf-Id", _edge.RequestId);
    }

    /// <summary>
    /// Fields the origin named in Connection are for that one hop (RFC 9110 §7.6.1); YARP drops the
    /// Connection field itself but copies the fields it names.
    /// </summary>
    private static void RemoveConnectionOptions(IHeaderDictionary headers, HttpResponseMessage proxyResponse)
    {
        foreach (var option in proxyResponse.Headers.Connection)
        {
            foreach (var name in option.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!name.Equals("close", StringComparison.OrdinalIgnoreCase) && !name.Equals("keep-alive", StringComparison.OrdinalIgnoreCase))
                {
                    headers.Remove(name);
                }
            }
        }
    }

    public override async ValueTask<bool> TransformResponseAsync(HttpContext httpContext, HttpResponseMessage? proxyResponse,
        CancellationToken cancellationToken)
    {
        _timer?.Stop();
        await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        if (proxyResponse is null)
        {
            return false;
        }
        RemoveConnectionOptions(httpContext.Response.Headers, proxyResponse);
        return await _onResponse(httpContext, _edge);
    }
}
