using System.Globalization;
using EdgeCompute.Origin.Sample.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.Origin.Sample.Probes;

/// <summary>
/// Large cacheable bodies, for the edge's streaming and size-limit paths; <c>chunked=true</c> leaves the
/// Content-Length out and sends the headers a moment before the body, as a streaming origin does.
/// </summary>
internal static class LargeBodyEndpoints
{
    private const long DefaultLength = 1024 * 1024;
    private static readonly TimeSpan StreamingPause = TimeSpan.FromMilliseconds(100);

    public static IEndpointRouteBuilder MapLargeBody(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetOrHead("/large", async (HttpContext context) =>
        {
            var length = DefaultLength;
            var raw = context.Request.Query["bytes"];
            if (raw.Count > 0 && !long.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out length))
            {
                await Representation.Dynamic(
                        $"Query parameter 'bytes' must be a non-negative integer, got '{raw}'.\n",
                        MediaTypes.PlainText,
                        CachePolicies.NoStore)
                    .ToResult(StatusCodes.Status400BadRequest)
                    .ExecuteAsync(context);
                return;
            }

            length = Math.Min(length, LargeBody.MaxLength);
            var etag = LargeBody.ETagFor(length);
            var lastModified = Representation.FixedLastModified;

            var response = context.Response;
            response.Headers.CacheControl = CachePolicies.LargeBody;
            response.Headers.ETag = etag;
            response.Headers.LastModified = HeaderUtilities.FormatDate(lastModified);

            if (Preconditions.IsNotModified(context.Request, etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            response.ContentType = MediaTypes.PlainText;
            var chunked = context.Request.Query["chunked"] == "true";
            if (!chunked)
            {
                response.ContentLength = length;
            }
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                if (chunked)
                {
                    await response.StartAsync(context.RequestAborted);
                    await Task.Delay(StreamingPause, context.RequestAborted);
                }
                await LargeBody.WriteAsync(response.Body, length, context.RequestAborted);
            }
        });

        return endpoints;
    }
}
