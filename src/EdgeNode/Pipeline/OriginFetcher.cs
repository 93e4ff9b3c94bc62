using System.Collections.Concurrent;
using EdgeCompute.EdgeNode.Caching;
using EdgeCompute.EdgeNode.Caching.Rules;
using EdgeCompute.EdgeNode.Events;
using EdgeCompute.EdgeNode.Forwarding;
using EdgeCompute.EdgeNode.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace EdgeCompute.EdgeNode.Pipeline;

/// <summary>
/// Fetches a cacheable request from its origin on behalf of every viewer that misses on the same
/// key meanwhile (request collapsing; Varnish's backend fetch): origin-request → forward →
/// origin-response run once per fetch, on a request of the fetch's own, so that no viewer's
/// leaving can cut the fetch short for the others. The answer is stored when HTTP allows it.
/// </summary>
internal sealed class OriginFetcher
{
    // Conditional and range headers are the cache's business: it fetches whole responses, and
    // answers a viewer's conditions and ranges from what it holds.
    private static readonly string[] ViewerOnlyHeaders =
    [
        HeaderNames.IfNoneMatch, HeaderNames.IfModifiedSince, HeaderNames.IfMatch, HeaderNames.IfUnmodifiedSince,
        HeaderNames.IfRange, HeaderNames.Range, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Expect,
    ];

    private readonly ConcurrentDictionary<string, OriginFetch> _inflight = new(StringComparer.Ordinal);
    private readonly EdgeFunctionInvoker _functions;
    private readonly OriginForwarder _forwarder;
    private readonly HttpCacheStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;

    public OriginFetcher(EdgeFunctionInvoker functions, OriginForwarder forwarder, HttpCacheStore store, TimeProvider time,
        IHostApplicationLifetime lifetime, ILogger<OriginFetcher> logger)
    {
        _stopping = lifetime.ApplicationStopping;
        _functions = functions;
        _forwarder = forwarder;
        _store = store;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// The answer to a viewer's miss (or its stale response's revalidation): joins the fetch in flight
    /// for <paramref name="key"/> when there is one whose answer may be shared, else starts one.
    /// </summary>
    public async Task<FetchHead> FetchAsync(HttpContext viewer, EdgeRequestFeature edge, string key, CachedResponse? stale)
    {
        var fetch = new OriginFetch(key, shared: true);
        var running = _inflight.GetOrAdd(key, fetch);
        if (running != fetch)
        {
            fetch.StarterReader.Dispose();
            var head = await running.Head.WaitAsync(viewer.RequestAborted);
            if (head.Stored is { } stored && VaryRules.Matches(stored.VaryFields, stored.VaryValues, viewer.Request.Headers))
            {
                return head with { Collapsed = true };
            }
            // Not shareable (private, no-store, too big, an error) or another variant: this viewer's own fetch.
            fetch = new OriginFetch(key, shared: false);
        }
        Start(fetch, viewer, edge, stale);
        try
        {
            var head = await fetch.Head.WaitAsync(viewer.RequestAborted);
            return head with { Reader = fetch.StarterReader, Headers = head.StarterHeaders ?? head.Headers };
        }
        catch
        {
            fetch.StarterReader.Dispose();
            throw;
        }
    }

    /// <summary>Refreshes a stale response in the background (stale-while-revalidate), unless a fetch is already running.</summary>
    public void RefreshInBackground(HttpContext viewer, EdgeRequestFeature edge, string key, CachedResponse stale)
    {
        var fetch = new OriginFetch(key, shared: true);
        // Nobody reads a background refresh: it only lands in the cache.
        fetch.StarterReader.Dispose();
        if (_inflight.TryAdd(key, fetch))
        {
            Start(fetch, viewer, edge, stale);
        }
    }

    /// <summary>
    /// Copies what the fetch needs from the viewer's request before anything awaits: the viewer's
    /// context is recycled once its own answer is done, while the fetch may go on.
    /// </summary>
    private void Start(OriginFetch fetch, HttpContext viewer, EdgeRequestFeature edge, CachedResponse? stale)
    {
        var context = new DefaultHttpContext();
        var request = context.Request;
        // HEAD is fetched as GET, so that the stored response can answer GETs too (as Varnish does).
        request.Method = HttpMethods.Get;
        request.Scheme = viewer.Request.Scheme;
        request.Host = viewer.Request.Host;
        request.Path = viewer.Request.Path;
        request.QueryString = viewer.Request.QueryString;
        foreach (var (name, value) in viewer.Request.Headers)
        {
            if (!ViewerOnlyHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                request.Headers[name] = value;
            }
        }
        if (stale is not null)
        {
            AddValidators(request.Headers, stale);
        }
        context.Connection.RemoteIpAddress = viewer.Connection.RemoteIpAddress;
        var fetchEdge = edge.ForFetch();
        context.Features.Set(fetchEdge);
        var options = _store.Options;
        var body = new BodyBufferStream(fetch.Body, options.MaxObjectBytes, options.PassBufferBytes);
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        _ = RunAsync(fetch, context, fetchEdge, stale, body);
    }

    private static void AddValidators(IHeaderDictionary headers, CachedResponse stale)
    {
        if (stale.Headers.TryGetValue(HeaderNames.ETag, out var etag))
        {
            headers.IfNoneMatch = etag;
        }
        if (stale.Headers.TryGetValue(HeaderNames.LastModified, out var lastModified))
        {
            headers.IfModifiedSince = lastModified;
        }
    }

    private async Task RunAsync(OriginFetch fetch, HttpContext context, EdgeRequestFeature edge, CachedResponse? stale, BodyBufferStream body)
    {
        // The fetch belongs to no viewer: the origin's read timeout bounds each wait, a body nobody
        // reads and nobody keeps stops itself (BodyBuffer), and the node's shutdown ends the rest.
        context.RequestAborted = _stopping;
        var requestTime = _time.GetUtcNow();
        var source = FetchSource.Origin;
        try
        {
            // 3. origin-request: may rewrite the request, switch the origin, or answer in its place.
            var originRequest = await _functions.RunEventAsync(context, edge, EdgeEventType.OriginRequest);
            if (originRequest.Verdict == EventVerdict.Generated)
            {
                edge.OriginStatus = originRequest.Response!.Status;
                await EdgeRequestHandler.WriteGeneratedHeadAsync(context, originRequest.Response);
            }
            else if (originRequest.Verdict == EventVerdict.Failed)
            {
                source = FetchSource.FunctionError;
            }
            else
            {
                // 4. forward; 5. origin-response runs on the origin's headers, before the body arrives.
                var published = false;
                ForwarderError error;
                while (true)
                {
                    var failOver = false;
                    error = await _forwarder.ForwardAsync(context, edge, async (ctx, e) =>
                    {
                        if (e.Failover is { } group && group.StatusCodes.Contains(ctx.Response.StatusCode))
                        {
                            // The origin group's first origin answered with a failover status: its body is not wanted.
                            failOver = true;
                            return false;
                        }
                        var (proceed, failed) = await OnOriginResponseAsync(ctx, e, fetch, stale, requestTime, body);
                        published = proceed;
                        source = failed ? FetchSource.FunctionError : source;
                        return proceed;
                    });
                    if ((failOver || (error != ForwarderError.None && !published)) && edge.Failover is { } next)
                    {
                        // CloudFront's origin failover: the same request, once, to the group's second origin.
                        EdgeLog.OriginFailover(_logger, edge.RequestId, edge.Origin.Id, next.Secondary.Id,
                            failOver ? context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : error.ToString());
                        edge.Origin = next.Secondary;
                        edge.Failover = null;
                        context.Response.Clear();
                        continue;
                    }
                    break;
                }
                if (error != ForwarderError.None)
                {
                    var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
                    EdgeLog.OriginFailed(_logger, edge.RequestId, edge.Origin.DestinationPrefix, error.ToString(), exception);
                    if (published)
                    {
                        fetch.Body.Fail(exception ?? new IOException(error.ToString()));
                        return;
                    }
                    source = FetchSource.OriginError;
                    await EdgeErrorWriter.WriteAsync(context, error is ForwarderError.RequestTimedOut ? EdgeErrorKind.OriginTimeout : EdgeErrorKind.OriginUnreachable,
                        edge.RequestId);
                }
            }
            if (!fetch.HeadPublished)
            {
                // An answer written whole by the node or a function (generated, replaced body, an error).
                fetch.Body.Complete();
                Publish(fetch, context, edge, stale, source, requestTime);
            }
            Finish(fetch, body);
        }
        catch (Exception ex)
        {
            EdgeLog.OriginFailed(_logger, edge.RequestId, edge.Origin.DestinationPrefix, "fetch failed", ex);
            if (!fetch.HeadPublished)
            {
                fetch.Publish(new FetchHead
                {
                    Status = StatusCodes.Status502BadGateway, Headers = new HeaderDictionary(), Body = BodyBuffer.FromBytes([]), ContentLength = 0,
                    Source = FetchSource.OriginError,
                });
            }
            fetch.Body.Fail(ex);
        }
        finally
        {
            if (fetch.Shared)
            {
                _inflight.TryRemove(new KeyValuePair<string, OriginFetch>(fetch.Key, fetch));
            }
        }
    }

    /// <summary>
    /// 6. cache store: once the whole body is in, and before its readers see the end, so that a
    /// viewer's next request finds it stored. Runs once, at the last byte or when the fetch ends.
    /// </summary>
    private void Finish(OriginFetch fetch, BodyBufferStream body)
    {
        if (!fetch.TryFinish())
        {
            return;
        }
        if (fetch.Head.Result.Stored is { } stored && fetch.Head.Result.Source == FetchSource.Origin && !body.Overflowed && !fetch.Body.Failed)
        {
            fetch.Body.Coalesce();
            _store.Store(fetch.Key, stored);
        }
        fetch.Body.Complete();
    }

    /// <summary>Returns (let the origin's body stream into the fetch, a function failed).</summary>
    private async ValueTask<(bool Proceed, bool Failed)> OnOriginResponseAsync(HttpContext context, EdgeRequestFeature edge, OriginFetch fetch,
        CachedResponse? stale, DateTimeOffset requestTime, BodyBufferStream body)
    {
        edge.OriginStatus = context.Response.StatusCode;
        var outcome = await _functions.RunEventAsync(context, edge, EdgeEventType.OriginResponse);
        if (outcome.Verdict == EventVerdict.Failed)
        {
            return (false, true);
        }
        if (outcome.ReplacedBody is { } replaced)
        {
            await EdgeRequestHandler.WriteBodyAsync(context, replaced);
            return (false, false);
        }
        if (!EdgeRequestHandler.AllowsBody(context.Response.StatusCode) && context.Response.StatusCode != StatusCodes.Status304NotModified)
        {
            return (false, false);
        }
        Publish(fetch, context, edge, stale, FetchSource.Origin, requestTime);
        if (fetch.Head.Result.Source == FetchSource.Refreshed)
        {
            return (false, false);
        }
        if (fetch.Head.Result.Stored is not null && context.Response.ContentLength is { } declared)
        {
            body.OnLastByte(declared, () => Finish(fetch, body));
        }
        return (true, false);
    }

    /// <summary>Decides whether the answer is stored and makes it visible to the waiting viewers.</summary>
    private void Publish(OriginFetch fetch, HttpContext context, EdgeRequestFeature edge, CachedResponse? stale, FetchSource source,
        DateTimeOffset requestTime)
    {
        var response = context.Response;
        var responseTime = _time.GetUtcNow();
        var reason = context.Features.Get<IHttpResponseFeature>()?.ReasonPhrase;
        if (!response.Headers.ContainsKey(HeaderNames.Date))
        {
            // RFC 9110 §6.6.1: a recipient with a clock adds the Date it received the response at.
            response.Headers.Date = HeaderUtilities.FormatDate(responseTime);
        }
        if (source == FetchSource.Origin && stale is not null && response.StatusCode == StatusCodes.Status304NotModified)
        {
            var refreshed = Refresh(stale, response.Headers, context.Request.Headers, edge, requestTime, responseTime);
            _store.Store(fetch.Key, refreshed);
            fetch.Publish(FetchHead.FromStored(refreshed, FetchSource.Refreshed));
            return;
        }
        // The viewer whose request made the fetch gets every field; the others, and the store, get
        // what a shared cache may hand to anyone.
        var viewerHeaders = new HeaderDictionary();
        foreach (var (name, value) in response.Headers)
        {
            if (!HeaderRules.IsFraming(name))
            {
                viewerHeaders[name] = value;
            }
        }
        var headers = SharedHeaders(response.Headers);
        CachedResponse? stored = null;
        if (source == FetchSource.Origin)
        {
            var decision = StorageRules.Decide(HttpMethods.Get, response.StatusCode, context.Request.Headers, response.Headers,
                edge.Behavior.CachePolicy.Ttl, requestTime, responseTime);
            var fits = response.ContentLength is not { } declared || declared <= _store.Options.MaxObjectBytes;
            if (decision.Store && fits)
            {
                stored = NewStored(response.StatusCode, reason, headers, fetch.Body, decision, context.Request.Headers, response.Headers, edge);
            }
        }
        if (stored is null)
        {
            fetch.Body.StopRetaining(_store.Options.PassBufferBytes);
            if (fetch.Shared)
            {
                // Later viewers must not wait on an answer they cannot share.
                _inflight.TryRemove(new KeyValuePair<string, OriginFetch>(fetch.Key, fetch));
            }
        }
        fetch.Publish(new FetchHead
        {
            Status = response.StatusCode,
            ReasonPhrase = reason,
            Headers = headers,
            Body = fetch.Body,
            ContentLength = fetch.Body.IsCompleted ? fetch.Body.Length : response.ContentLength,
            Source = source,
            Stored = stored,
            StarterHeaders = viewerHeaders,
        });
    }

    /// <summary>
    /// The fields a stored response keeps (RFC 9111 §3.1: no hop-by-hop, no fields a qualified
    /// no-cache or private names). Set-Cookie is kept as HTTP requires (the conformance suite checks
    /// it): an origin that sets per-viewer cookies on a shared response marks it private or
    /// <c>no-cache="Set-Cookie"</c>.
    /// </summary>
    private static HeaderDictionary SharedHeaders(IHeaderDictionary response)
    {
        var shared = new HeaderDictionary();
        var directives = CacheControlDirectives.Parse(response.CacheControl);
        foreach (var (name, value) in response)
        {
            if (!HeaderRules.IsFraming(name) && StoredHeaderRules.ShouldStore(name, response, directives))
            {
                shared[name] = value;
            }
        }
        return shared;
    }

    /// <summary>A 304 confirmed the stored response: its body with the header fields the 304 updates (RFC 9111 §4.3.4).</summary>
    private static CachedResponse Refresh(CachedResponse stale, IHeaderDictionary notModified, IHeaderDictionary requestHeaders,
        EdgeRequestFeature edge, DateTimeOffset requestTime, DateTimeOffset responseTime)
    {
        var updates = SharedHeaders(notModified);
        var headers = HeaderUpdateRules.Merge(stale.Headers, updates);
        var decision = StorageRules.Decide(HttpMethods.Get, stale.Status, requestHeaders, headers, edge.Behavior.CachePolicy.Ttl, requestTime, responseTime);
        return stale with { Headers = headers, Freshness = decision };
    }

    private static CachedResponse? NewStored(int status, string? reason, IHeaderDictionary headers, BodyBuffer body, StorageDecision decision,
        IHeaderDictionary requestHeaders, IHeaderDictionary responseHeaders, EdgeRequestFeature edge)
    {
        var varyFields = VaryRules.ReadVaryFields(responseHeaders, out var varyStar);
        if (varyStar)
        {
            // Vary: * matches no later request (RFC 9111 §4.1): storing it would serve nobody.
            return null;
        }
        return new CachedResponse
        {
            Status = status,
            ReasonPhrase = reason,
            Headers = headers,
            Body = body,
            Freshness = decision,
            VaryFields = varyFields,
            VaryValues = VaryRules.SelectValues(varyFields, requestHeaders),
            DistributionId = edge.Distribution.Id,
            Path = edge.CachePath,
        };
    }
}
