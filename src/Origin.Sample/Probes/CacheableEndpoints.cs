using System.Globalization;
using System.Text;
using EdgeCompute.Origin.Sample.Diagnostics;
using EdgeCompute.Origin.Sample.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.Origin.Sample.Probes;

/// <summary>
/// A response whose caching a test chooses: <c>/cacheable/ANY?cc=max-age=60&amp;etag=v1&amp;vary=Accept&amp;ms=200&amp;bytes=1000</c>
/// (Cache-Control, a strong ETag that 304s If-None-Match, Vary, a delay before answering, the body
/// size); also <c>cdn</c> (CDN-Cache-Control), <c>expires</c> and <c>lm</c> (Expires in, and
/// Last-Modified ago, seconds), <c>age</c>, <c>cookie</c> (Set-Cookie), <c>location</c> and <c>status</c>. The body names how many requests for this path reached the origin, so a test sees which answer it got.
/// </summary>
internal static class CacheableEndpoints
{
    public static IEndpointRouteBuilder MapCacheable(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/cacheable/{**rest}", async (HttpContext context, HitCounter hits) =>
        {
            var query = context.Request.Query;
            var response = context.Response;
            if (int.TryParse(query["ms"], NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms > 0)
            {
                await Task.Delay(Math.Min(ms, 60_000), context.RequestAborted);
            }
            if (query["cc"] is { Count: > 0 } cc)
            {
                response.Headers.CacheControl = cc;
            }
            if (query["cdn"] is { Count: > 0 } cdn)
            {
                response.Headers["CDN-Cache-Control"] = cdn;
            }
            var now = DateTimeOffset.UtcNow;
            response.Headers.Date = HeaderUtilities.FormatDate(now);
            if (int.TryParse(query["expires"], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var expires))
            {
                response.Headers.Expires = HeaderUtilities.FormatDate(now.AddSeconds(expires));
            }
            if (int.TryParse(query["lm"], NumberStyles.None, CultureInfo.InvariantCulture, out var lastModified))
            {
                response.Headers.LastModified = HeaderUtilities.FormatDate(now.AddSeconds(-lastModified));
            }
            if (query["age"] is { Count: > 0 } age)
            {
                response.Headers.Age = age;
            }
            if (query["cookie"] is { Count: > 0 } cookie)
            {
                response.Headers.SetCookie = cookie;
            }
            if (query["location"] is { Count: > 0 } location)
            {
                response.Headers.Location = location;
            }
            if (query["vary"] is { Count: > 0 } vary)
            {
                response.Headers.Vary = vary;
            }
            if (query["etag"] is { Count: > 0 } etag)
            {
                var tag = $"\"{etag}\"";
                response.Headers.ETag = tag;
                if (context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Contains(tag, StringComparison.Ordinal)))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    return;
                }
            }
            if (query["status"] is { Count: > 0 } status && int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            {
                response.StatusCode = code;
            }
            var served = hits.Snapshot().Paths.GetValueOrDefault(context.Request.Path.Value ?? "");
            var text = $"served {served}\n";
            var body = int.TryParse(query["bytes"], NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > text.Length
                ? Encoding.ASCII.GetBytes(text + new string('x', Math.Min(bytes, 64 * 1024 * 1024) - text.Length))
                : Encoding.ASCII.GetBytes(text);
            response.ContentType = MediaTypes.PlainText;
            response.ContentLength = body.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await response.Body.WriteAsync(body, context.RequestAborted);
            }
        });
        return endpoints;
    }
}
