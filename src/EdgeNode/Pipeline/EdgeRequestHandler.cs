using System.Net;
using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Events;
using EdgeCompute.EdgeNode.Forwarding;
using EdgeCompute.EdgeNode.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace EdgeCompute.EdgeNode.Pipeline;

/// <summary>
/// The request path, in order (DESIGN §1; Varnish's recv → miss → fetch → deliver):
/// viewer-request → cache lookup → origin-request → forward → origin-response → cache store →
/// viewer-response. Each stage either continues or ends the request with an answer.
/// </summary>
internal sealed class EdgeRequestHandler
{
    private readonly EdgeSnapshotProvider _snapshots;
    private readonly EdgeFunctionInvoker _functions;
    private readonly OriginForwarder _forwarder;
    private readonly ILogger _logger;
    private readonly Func<HttpContext, EdgeRequestFeature, ValueTask<bool>> _onOriginResponse;

    public EdgeRequestHandler(EdgeSnapshotProvider snapshots, EdgeFunctionInvoker functions, OriginForwarder forwarder,
        ILogger<EdgeRequestHandler> logger)
    {
        _snapshots = snapshots;
        _functions = functions;
        _forwarder = forwarder;
        _logger = logger;
        _onOriginResponse = OnOriginResponseAsync;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = RequestIdGenerator.Next();
        StampViewerResponse(context, requestId);
        var edge = Start(context, _snapshots.Current, requestId, out var refusal);
        if (edge is null)
        {
            await EdgeErrorWriter.WriteAsync(context, refusal, requestId);
            return;
        }
        context.Features.Set(edge);

        // 1. viewer-request: may rewrite the request, or answer it (that answer skips every other stage).
        var viewerRequest = await RunRequestEventAsync(context, edge, EdgeEventType.ViewerRequest);
        if (viewerRequest.Verdict == EventVerdict.Generated)
        {
            await WriteGeneratedAsync(context, viewerRequest.Response!, edge, runViewerResponse: false);
            return;
        }
        if (viewerRequest.Verdict == EventVerdict.Failed)
        {
            return;
        }

        // 2. cache lookup: a hit goes straight to viewer-response (the HTTP cache stage plugs in here).

        // 3. origin-request: may rewrite the request, switch the origin, or answer in the origin's place.
        var originRequest = await RunRequestEventAsync(context, edge, EdgeEventType.OriginRequest);
        if (originRequest.Verdict == EventVerdict.Generated)
        {
            await WriteGeneratedAsync(context, originRequest.Response!, edge, runViewerResponse: true);
            return;
        }
        if (originRequest.Verdict == EventVerdict.Failed)
        {
            return;
        }

        // 4. forward; origin-response, cache store and viewer-response run on the origin's headers
        //    (OnOriginResponseAsync) before its body streams to the viewer.
        var error = await _forwarder.ForwardAsync(context, edge, _onOriginResponse);
        if (error != ForwarderError.None)
        {
            await OriginFailedAsync(context, edge, error);
        }
    }

    private async ValueTask<bool> OnOriginResponseAsync(HttpContext context, EdgeRequestFeature edge)
    {
        edge.OriginStatus = context.Response.StatusCode;

        // 5. origin-response: may change the status, headers, or replace the body.
        byte[]? body = null;
        if (edge.Behavior.FunctionFor(EdgeEventType.OriginResponse) is { } binding)
        {
            var outcome = await _functions.RunAsync(context, edge, binding);
            if (outcome.Verdict == EventVerdict.Failed)
            {
                return false;
            }
            body = outcome.ReplacedBody;
        }

        // 6. cache store (the HTTP cache stage plugs in here).

        // 7. viewer-response: may change headers or replace the body, not the status.
        var viewerResponse = await RunViewerResponseAsync(context, edge);
        if (viewerResponse.Verdict == EventVerdict.Failed)
        {
            return false;
        }
        body = viewerResponse.ReplacedBody ?? body;
        if (body is null && AllowsBody(context.Response.StatusCode))
        {
            return true;
        }
        // A replaced body, or a status (204, 304) that an origin-response function chose and that takes
        // no body: the origin's body is not copied.
        await WriteBodyAsync(context, body ?? []);
        return false;
    }

    private async ValueTask<EventOutcome> RunRequestEventAsync(HttpContext context, EdgeRequestFeature edge, EdgeEventType type) =>
        edge.Behavior.FunctionFor(type) is { } binding
            ? await _functions.RunAsync(context, edge, binding)
            : EventOutcome.Continue;

    /// <summary>CloudFront skips viewer-response for origin errors (≥ 400) unless the distribution opts in.</summary>
    private async ValueTask<EventOutcome> RunViewerResponseAsync(HttpContext context, EdgeRequestFeature edge)
    {
        if (edge.Behavior.FunctionFor(EdgeEventType.ViewerResponse) is not { } binding ||
            (edge.OriginStatus >= 400 && !edge.Distribution.RunViewerResponseOnErrors))
        {
            return EventOutcome.Continue;
        }
        return await _functions.RunAsync(context, edge, binding);
    }

    private async Task WriteGeneratedAsync(HttpContext context, GeneratedResponse generated, EdgeRequestFeature edge, bool runViewerResponse)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = generated.Status;
        context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = generated.StatusDescription;
        foreach (var (key, value) in generated.Headers)
        {
            if (!HeaderRules.IsFraming(key))
            {
                response.Headers.Append(key, value);
            }
        }
        edge.OriginStatus = generated.Status;
        var body = generated.Body;
        if (runViewerResponse)
        {
            var viewerResponse = await RunViewerResponseAsync(context, edge);
            if (viewerResponse.Verdict == EventVerdict.Failed)
            {
                return;
            }
            body = viewerResponse.ReplacedBody ?? body;
        }
        await WriteBodyAsync(context, body);
    }

    private static async Task WriteBodyAsync(HttpContext context, byte[] body)
    {
        context.Response.Headers.TransferEncoding = default;
        if (!AllowsBody(context.Response.StatusCode))
        {
            // Kestrel refuses a body, or a non-zero length, on these; a body a function gave them is dropped.
            context.Response.ContentLength = null;
            return;
        }
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method) && body.Length > 0)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>204 and 304 answers carry no body (RFC 9110 §15.3.5, §15.4.5).</summary>
    private static bool AllowsBody(int status) => status is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified);

    private static EdgeRequestFeature? Start(HttpContext context, EdgeSnapshot snapshot, string requestId, out EdgeErrorKind refusal)
    {
        refusal = default;
        var request = context.Request;
        var distribution = snapshot.MatchDistribution(request.Host.Value ?? "");
        var behavior = distribution?.MatchBehavior(request.Path.Value ?? "/");
        if (distribution is null || behavior is null)
        {
            refusal = EdgeErrorKind.NoDistribution;
            return null;
        }
        if (behavior.AllowedMethods is { } allowed && !allowed.Contains(request.Method))
        {
            refusal = EdgeErrorKind.MethodNotAllowed;
            return null;
        }
        var (uri, query) = SplitTarget(context);
        return new EdgeRequestFeature
        {
            Snapshot = snapshot,
            Distribution = distribution,
            Behavior = behavior,
            RequestId = requestId,
            ClientIp = ClientIp(context.Connection.RemoteIpAddress),
            Uri = uri,
            QueryString = query,
            Origin = behavior.Origin,
        };
    }

    /// <summary>The uri and querystring exactly as the viewer sent them (still percent-encoded).</summary>
    private static (string Uri, string Query) SplitTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            var query = context.Request.QueryString.Value ?? "";
            return (context.Request.Path.ToUriComponent() is { Length: > 0 } p ? p : "/", query.TrimStart('?'));
        }
        var q = raw.IndexOf('?');
        return q < 0 ? (raw, "") : (raw[..q], raw[(q + 1)..]);
    }

    private static string ClientIp(IPAddress? address) =>
        address is null ? "127.0.0.1" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private void StampViewerResponse(HttpContext context, string requestId)
    {
        var via = _forwarder.Via;
        context.Response.OnStarting(static state =>
        {
            var (ctx, id, via) = ((HttpContext, string, string))state;
            var headers = ctx.Response.Headers;
            headers["X-Amz-Cf-Id"] = id;
            headers.Via = headers.Via.Count == 0 ? via : headers.Via + ", " + via;
            return Task.CompletedTask;
        }, (context, requestId, via));
    }

    private async Task OriginFailedAsync(HttpContext context, EdgeRequestFeature edge, ForwarderError error)
    {
        var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
        EdgeLog.OriginFailed(_logger, edge.RequestId, edge.Origin.DestinationPrefix, error.ToString(), exception);
        if (context.Response.HasStarted)
        {
            return;
        }
        var kind = error is ForwarderError.RequestTimedOut ? EdgeErrorKind.OriginTimeout : EdgeErrorKind.OriginUnreachable;
        if (error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled)
        {
            return;
        }
        await EdgeErrorWriter.WriteAsync(context, kind, edge.RequestId);
    }
}
