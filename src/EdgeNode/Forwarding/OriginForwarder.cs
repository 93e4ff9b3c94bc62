using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using EdgeCompute.EdgeNode.Pipeline;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace EdgeCompute.EdgeNode.Forwarding;

/// <summary>
/// Sends a request to its origin with YARP's forwarder: streaming both ways, any method, pooled
/// keep-alive connections (one connection pool per keep-alive setting, as origins configure it).
/// </summary>
internal sealed class OriginForwarder : IDisposable
{
    private readonly IHttpForwarder _forwarder;
    private readonly ConcurrentDictionary<int, HttpMessageInvoker> _clients = new();
    private readonly string _via;

    private readonly Observability.EdgeMetrics? _metrics;

    /// <param name="metrics">Null when <c>Metrics:Enabled</c> is false.</param>
    public OriginForwarder(IHttpForwarder forwarder, IOptions<FunctionRuntimeOptions> options, Observability.EdgeMetrics? metrics = null)
    {
        _metrics = metrics;
        _forwarder = forwarder;
        _via = $"1.1 {options.Value.NodeId} (EdgeCompute)";
    }

    /// <summary>The Via value this node adds, to origin requests and viewer responses.</summary>
    public string Via => _via;

    public ValueTask<ForwarderError> ForwardAsync(HttpContext context, EdgeRequestFeature edge,
        Func<HttpContext, EdgeRequestFeature, ValueTask<bool>> onResponse)
    {
        var origin = edge.Origin;
        var client = _clients.GetOrAdd(origin.KeepaliveTimeoutSeconds, CreateClient);
        var config = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(origin.ReadTimeoutSeconds) };
        // The transformer stops the timer at the origin's response headers, or when YARP reports that no
        // response came (it calls TransformResponseAsync without one on every failure to send): no wrapper
        // state machine around every forward just to time it.
        var timer = _metrics is null ? null : new OriginTimer(_metrics.ForOrigin(edge.Distribution));
        return _forwarder.SendAsync(context, origin.DestinationPrefix, client, config, new EdgeHttpTransformer(edge, _via, onResponse, timer),
            context.RequestAborted);
    }

    private static HttpMessageInvoker CreateClient(int keepaliveSeconds) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(keepaliveSeconds),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        // CloudFront adds no trace headers of its own; a function or the viewer may.
        ActivityHeadersPropagator = null,
    });

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
    }
}
