using EdgeCompute.EdgeNode.Caching;
using EdgeCompute.EdgeNode.Caching.Rules;
using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Events;
using EdgeCompute.EdgeNode.Forwarding;
using EdgeCompute.EdgeNode.Geo;
using EdgeCompute.EdgeNode.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
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
    private readonly HttpCacheStore _store;
    private readonly OriginFetcher _fetcher;
    private readonly CachedResponseWriter _delivery;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CloudFrontHeaderStage _cloudFrontHeaders;
    private readonly ViewerAddressResolver _viewers;
    private readonly Func<HttpContext, EdgeRequestFeature, ValueTask<bool>> _onOriginResponse;
    private readonly Observability.RequestMetricsRecorder? _requestMetrics;

    /// <param name="requestMetrics">Null when <c>Metrics:Enabled</c> is false.</param>
    public EdgeRequestHandler(EdgeSnapshotProvider snapshots, EdgeFunctionInvoker functions, OriginForwarder forwarder,
        HttpCacheStore store, OriginFetcher fetcher, CachedResponseWriter delivery, TimeProvider time, ILogger<EdgeRequestHandler> logger,
        CloudFrontHeaderStage cloudFrontHeaders, ViewerAddressResolver viewers, Observability.RequestMetricsRecorder? requestMetrics = null)
    {
        _viewers = viewers;
        _requestMetrics = requestMetrics;
        _cloudFrontHeaders = cloudFrontHeaders;
        _snapshots = snapshots;
        _functions = functions;
        _forwarder = forwarder;
        _store = store;
        _fetcher = fetcher;
        _delivery = delivery;
        _time = time;
        _logger = logger;
        _onOriginResponse = OnOriginResponseAsync;
    }

    public async Task HandleAsync(HttpContext context)
    {
        // Counted here rather than by a wrapper around the handler: a wrapper's own state machine and
        // continuation would be paid by every request that waits (all but cache hits).
        EdgeRequestFeature? edge = null;
        var threw = false;
        try
        {
            var requestId = RequestIdGenerator.Next(_time.GetUtcNow());
            StampViewerResponse(context, requestId);
            edge = Start(context, _snapshots.Current, requestId, _viewers, out var refusal);
            if (edge is null)
            {
                await EdgeErrorWriter.WriteAsync(context, refusal, requestId);
                return;
            }
            context.Features.Set(edge);
            _requestMetrics?.CountRequestBody(context, edge);
            _cloudFrontHeaders.BeforeViewerRequest(context, edge);

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
            // Geo, device and viewer-address headers the behaviour's policies name (Geo/README.md).
            _cloudFrontHeaders.AfterViewerRequest(context, edge);

            // 2. cache lookup: GET and HEAD are answered from the cache, or fetched once for every viewer
            //    that misses on the same key (origin-request → forward → origin-response → cache store, in
            //    OriginFetcher), then delivered with viewer-response (CachedResponseWriter).
            var requestRules = RequestCacheRules.Read(context.Request.Headers);
            if (UsesCache(context.Request, requestRules))
            {
                await ServeThroughCacheAsync(context, edge, requestRules);
                return;
            }

            // Not cacheable (other methods, no-store): straight to the origin, streaming both ways.
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
        catch
        {
            threw = true;
            throw;
        }
        finally
        {
            _requestMetrics?.Record(context, edge, threw ? StatusCodes.Status500InternalServerError : context.Response.StatusCode);
        }
    }

    private static bool UsesCache(HttpRequest request, RequestCacheRules rules) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !rules.NoStore &&
        request.ContentLength is null or 0 && !request.Headers.ContainsKey(HeaderNames.TransferEncoding);

    private async Task ServeThroughCacheAsync(HttpContext context, EdgeRequestFeature edge, RequestCacheRules rules)
    {
        var key = CacheKeyBuilder.Build(context.Request, edge.Distribution.Id, edge.Behavior.CachePolicy, edge.Uri, edge.QueryString);
        var now = _time.GetUtcNow();
        var stored = _store.Find(key, context.Request.Headers);
        if (stored is not null)
        {
            if (CanServe(stored, rules, now))
            {
                await _delivery.WriteAsync(context, edge, FetchHead.FromStored(stored, FetchSource.Origin), CacheStatus.Hit);
                return;
            }
            if (CanServeWhileRevalidating(stored, rules, now))
            {
                _fetcher.RefreshInBackground(context, edge, key, stored);
                await _delivery.WriteAsync(context, edge, FetchHead.FromStored(stored, FetchSource.Origin), CacheStatus.Hit);
                return;
            }
        }
        else if (rules.OnlyIfCached)
        {
            // RFC 9111 §5.2.1.7: nothing stored to answer with.
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
            return;
        }
        var head = await _fetcher.FetchAsync(context, edge, key, stored);
        if (stored is not null && IsOriginFailure(head) && CanServeOnError(stored, head, rules, _time.GetUtcNow()))
        {
            await _delivery.WriteAsync(context, edge, FetchHead.FromStored(stored, FetchSource.Origin), CacheStatus.Hit);
            return;
        }
        await _delivery.WriteAsync(context, edge, head, head.Source == FetchSource.Refreshed ? CacheStatus.RefreshHit : CacheStatus.Miss);
    }

    /// <summary>A stored response answers without the origin when fresh enough for the cache and for the request (RFC 9111 §4.2, §5.2.1).</summary>
    private static bool CanServe(CachedResponse stored, RequestCacheRules rules, DateTimeOffset now)
    {
        if (rules.NoCache || stored.Freshness.AlwaysRevalidate)
        {
            return false;
        }
        var age = stored.CurrentAge(now);
        var lifetime = stored.Freshness.FreshnessLifetime;
        if (rules.MaxAge is { } maxAge && age > maxAge)
        {
            return false;
        }
        if (age < lifetime)
        {
            return rules.MinFresh is not { } minFresh || lifetime - age >= minFresh;
        }
        return rules.MaxStale is { } maxStale && stored.Freshness.MayServeStale && age - lifetime <= maxStale;
    }

    private static bool CanServeWhileRevalidating(CachedResponse stored, RequestCacheRules rules, DateTimeOffset now) =>
        !rules.NoCache && rules.MaxAge is null && !stored.Freshness.AlwaysRevalidate && stored.Freshness.MayServeStale &&
        stored.Staleness(now) is var stale && stale > TimeSpan.Zero && stale <= stored.Freshness.StaleWhileRevalidate;

    /// <summary>
    /// A stale response may stand in for a failed origin: within stale-if-error (or the request's
    /// max-stale) for error statuses, and whenever the origin cannot be reached at all, as CloudFront
    /// does and RFC 9111 §4.2.4 allows a disconnected cache, unless the response forbids serving it stale.
    /// </summary>
    private static bool CanServeOnError(CachedResponse stored, FetchHead head, RequestCacheRules rules, DateTimeOffset now)
    {
        if (!stored.Freshness.MayServeStale)
        {
            return false;
        }
        var stale = stored.Staleness(now);
        return head.Source == FetchSource.OriginError || stale <= stored.Freshness.StaleIfError ||
            (rules.MaxStale is { } maxStale && stale <= maxStale);
    }

    private static bool IsOriginFailure(FetchHead head) =>
        head.Source == FetchSource.OriginError || (head.Source == FetchSource.Origin && head.Status is >= 500 and <= 504);

    private async ValueTask<bool> OnOriginResponseAsync(HttpContext context, EdgeRequestFeature edge)
    {
        edge.OriginStatus = context.Response.StatusCode;
        InvalidateAfterUnsafeMethod(context, edge);

        // 5. origin-response: may change the status, headers, or replace the body.
        var originResponse = await _functions.RunEventAsync(context, edge, EdgeEventType.OriginResponse);
        if (originResponse.Verdict == EventVerdict.Failed)
        {
            return false;
        }
        var body = originResponse.ReplacedBody;

        // 6. no cache store: a request that passed the cache is never stored.

        // 7. viewer-response: may change headers or replace the body, not the status.
        var viewerResponse = await RunViewerResponseAsync(context, edge);
        if (viewerResponse.Verdict == EventVerdict.Failed)
        {
            return false;
        }
        body = viewerResponse.ReplacedBody ?? body;
        if (body is null && AllowsBody(context.Response.StatusCode))
        {
            // The forwarder streams the origin's body on.
            _requestMetrics?.CountResponseBody(context, edge);
            return true;
        }
        // A replaced body, or a status (204, 304) that an origin-response function chose and that takes
        // no body: the origin's body is not copied.
        await WriteBodyAsync(context, body ?? []);
        return false;
    }

    /// <summary>
    /// A successful unsafe request (POST, PUT, DELETE, unknown methods) makes stored responses for its
    /// URI, and for its Location and Content-Location on the same host, invalid (RFC 9111 §4.4).
    /// </summary>
    private void InvalidateAfterUnsafeMethod(HttpContext context, EdgeRequestFeature edge)
    {
        var request = context.Request;
        var status = context.Response.StatusCode;
        if (status is < 200 or >= 400 || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ||
            HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method))
        {
            return;
        }
        var policy = edge.Behavior.CachePolicy;
        _store.Remove(CacheKeyBuilder.Build(request, edge.Distribution.Id, policy, edge.Uri, edge.QueryString));
        foreach (var header in (ReadOnlySpan<string>)[HeaderNames.Location, HeaderNames.ContentLocation])
        {
            var value = context.Response.Headers[header].ToString();
            if (value.Length > 0 && Uri.TryCreate(new Uri($"{request.Scheme}://{request.Host}{edge.Uri}"), value, out var target) &&
                string.Equals(target.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
            {
                _store.Remove(CacheKeyBuilder.Build(request, edge.Distribution.Id, policy, target.AbsolutePath, target.Query.TrimStart('?')));
            }
        }
    }

    private ValueTask<EventOutcome> RunRequestEventAsync(HttpContext context, EdgeRequestFeature edge, EdgeEventType type) =>
        _functions.RunEventAsync(context, edge, type);

    private ValueTask<EventOutcome> RunViewerResponseAsync(HttpContext context, EdgeRequestFeature edge) =>
        _functions.RunEventAsync(context, edge, EdgeEventType.ViewerResponse);

    /// <summary>Writes a function's generated response whole (an origin fetch's answer, or a viewer's without viewer-response).</summary>
    internal static Task WriteGeneratedHeadAsync(HttpContext context, GeneratedResponse generated)
    {
        SetGeneratedHead(context, generated);
        return WriteBodyAsync(context, generated.Body);
    }

    private static void SetGeneratedHead(HttpContext context, GeneratedResponse generated)
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
    }

    private async Task WriteGeneratedAsync(HttpContext context, GeneratedResponse generated, EdgeRequestFeature edge, bool runViewerResponse)
    {
        SetGeneratedHead(context, generated);
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

    internal static async Task WriteBodyAsync(HttpContext context, byte[] body)
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
    internal static bool AllowsBody(int status) => status is not (StatusCodes.Status204NoContent or StatusCodes.Status304NotModified);

    private static EdgeRequestFeature? Start(HttpContext context, EdgeSnapshot snapshot, string requestId, ViewerAddressResolver viewers,
        out EdgeErrorKind refusal)
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
        var viewer = viewers.Resolve(context, out var forwardedFor);
        return new EdgeRequestFeature
        {
            Snapshot = snapshot,
            Distribution = distribution,
            Behavior = behavior,
            RequestId = requestId,
            Viewer = viewer,
            ClientIp = viewer.Ip.ToString(),
            ForwardedFor = forwardedFor,
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
