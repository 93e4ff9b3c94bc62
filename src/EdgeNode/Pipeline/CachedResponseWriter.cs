using EdgeCompute.EdgeNode.Caching;
using EdgeCompute.EdgeNode.Caching.Rules;
using EdgeCompute.EdgeNode.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.EdgeNode.Pipeline;

/// <summary>
/// Answers a viewer from a stored response or from a fetch's answer (Varnish's deliver): the
/// viewer's conditions (304, 412) and ranges (206, 416) are answered from what the cache holds,
/// HEAD gets the headers of the GET, then viewer-response runs and the body streams from memory.
/// </summary>
internal sealed class CachedResponseWriter
{
    private readonly EdgeFunctionInvoker _functions;
    private readonly TimeProvider _time;
    private readonly Observability.RequestMetricsRecorder? _metrics;

    /// <param name="metrics">Null when <c>Metrics:Enabled</c> is false.</param>
    public CachedResponseWriter(EdgeFunctionInvoker functions, TimeProvider time, Observability.RequestMetricsRecorder? metrics = null)
    {
        _metrics = metrics;
        _functions = functions;
        _time = time;
    }

    public async Task WriteAsync(HttpContext context, EdgeRequestFeature edge, FetchHead head, string cacheStatus)
    {
        // Disposed on every way out, so that a fetch never waits for a viewer that left.
        using var starterReader = head.Reader;
        var request = context.Request;
        var response = context.Response;
        response.StatusCode = head.Status;
        if (head.ReasonPhrase is { } reason)
        {
            context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = reason;
        }
        foreach (var (name, value) in head.Headers)
        {
            response.Headers[name] = value;
        }
        edge.OriginStatus = head.Status;
        var fromCache = head.Source is FetchSource.Origin or FetchSource.Refreshed;
        edge.CacheResult = Observability.CacheResult.Error;
        if (fromCache)
        {
            var xCache = head.Collapsed && head.Source == FetchSource.Origin ? CacheStatus.Hit : cacheStatus;
            response.Headers["X-Cache"] = xCache;
            edge.CacheResult = Observability.CacheResults.FromStatus(xCache);
            // An answer not just received from the origin for this request carries its age (RFC 9111 §5.1).
            if (head.Stored is { } stored && (head.Source == FetchSource.Refreshed || cacheStatus != CacheStatus.Miss || head.Headers.ContainsKey(HeaderNames.Age)))
            {
                response.Headers.Age = AgeRules.FormatAge(stored.CurrentAge(_time.GetUtcNow()));
            }
        }

        long start = 0;
        var length = head.ContentLength;
        var sendsBody = !HttpMethods.IsHead(request.Method) && EdgeRequestHandler.AllowsBody(head.Status);
        // Conditions and ranges are answered from what the cache holds; an answer it does not keep is passed on as it is.
        if (fromCache && head.Stored is not null && head.Status is >= 200 and < 300)
        {
            switch (ConditionalRules.Evaluate(request.Method, request.Headers, head.Status, head.Headers, head.Stored.Freshness.ResponseTime))
            {
                case ConditionalResult.NotModified:
                    response.StatusCode = StatusCodes.Status304NotModified;
                    sendsBody = false;
                    length = null;
                    break;
                case ConditionalResult.PreconditionFailed:
                    response.StatusCode = StatusCodes.Status412PreconditionFailed;
                    sendsBody = false;
                    length = 0;
                    break;
                default:
                    if (head.Status == StatusCodes.Status200OK)
                    {
                        response.Headers.AcceptRanges = "bytes";
                        if (request.Headers.ContainsKey(HeaderNames.Range))
                        {
                            var total = length ?? await WaitForLengthAsync(head.Body, context.RequestAborted);
                            (start, length, sendsBody) = ApplyRange(context, head, total, sendsBody);
                        }
                    }
                    break;
            }
        }

        // 7. viewer-response: may change headers or replace the body, not the status.
        var viewerResponse = await _functions.RunEventAsync(context, edge, EdgeEventType.ViewerResponse);
        if (viewerResponse.Verdict == EventVerdict.Failed)
        {
            return;
        }
        if (viewerResponse.ReplacedBody is { } replaced)
        {
            await EdgeRequestHandler.WriteBodyAsync(context, replaced);
            return;
        }
        response.Headers.TransferEncoding = default;
        if (length is { } known && EdgeRequestHandler.AllowsBody(response.StatusCode))
        {
            response.ContentLength = known;
        }
        if (!sendsBody)
        {
            return;
        }
        if (length is null)
        {
            // Still arriving from the origin, with no length given: sent chunked, and counted as it goes.
            _metrics?.CountResponseBody(context, edge);
        }
        await CopyBodyAsync(context, head.Body, starterReader, start, length);
    }

    private static (long Start, long? Length, bool SendsBody) ApplyRange(HttpContext context, FetchHead head, long total, bool sendsBody)
    {
        var response = context.Response;
        var range = RangeRules.Evaluate(context.Request.Method, context.Request.Headers, head.Headers, total);
        switch (range.Outcome)
        {
            case RangeOutcome.Partial:
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = $"bytes {range.Start}-{range.Start + range.Length - 1}/{total}";
                return (range.Start, range.Length, sendsBody);
            case RangeOutcome.NotSatisfiable:
                response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                response.Headers.ContentRange = $"bytes */{total}";
                return (0, 0, false);
            default:
                return (0, total, sendsBody);
        }
    }

    private static async Task<long> WaitForLengthAsync(BodyBuffer body, CancellationToken cancellationToken)
    {
        using var reader = body.OpenReader();
        while (!(await reader.ReadAsync(long.MaxValue, cancellationToken)).IsEmpty)
        {
        }
        return body.Length;
    }

    private static async Task CopyBodyAsync(HttpContext context, BodyBuffer body, BodyBuffer.Reader? starterReader, long start, long? length)
    {
        var writer = context.Response.BodyWriter;
        var cancellationToken = context.RequestAborted;
        if (start == 0 && body.IsWhole && length == body.Length)
        {
            // The hit path: the stored segments go to the connection as they are, no copies.
            foreach (var segment in body.Segments)
            {
                await writer.WriteAsync(segment, cancellationToken);
            }
            return;
        }
        using var ownReader = starterReader is null || start != 0 ? body.OpenReader(start) : null;
        var reader = ownReader ?? starterReader!;
        var end = length is { } l ? start + l : long.MaxValue;
        try
        {
            while (true)
            {
                var chunk = await reader.ReadAsync(end, cancellationToken);
                if (chunk.IsEmpty)
                {
                    return;
                }
                await writer.WriteAsync(chunk, cancellationToken);
            }
        }
        catch (IOException)
        {
            // The origin broke off mid-body: cut the viewer's connection so it sees a failure, not a short success.
            context.Abort();
        }
    }
}
