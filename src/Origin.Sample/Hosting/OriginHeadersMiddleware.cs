using Microsoft.Net.Http.Headers;

namespace EdgeCompute.Origin.Sample.Hosting;

/// <summary>
/// Stamps every response with the origin's identity and a Date. A recognisable Server header
/// lets edge-node tests tell origin responses from ones the edge generated itself.
/// </summary>
internal sealed class OriginHeadersMiddleware(RequestDelegate next)
{
    public const string ServerName = "EdgeCompute-Origin-Sample";

    public Task InvokeAsync(HttpContext context)
    {
        // Set up front so an endpoint (e.g. /headers) can still override it.
        context.Response.Headers.Server = ServerName;

        // Kestrel adds Date itself, but in-memory test servers do not; caches need it to
        // compute the age of a response (RFC 9111 §4.2.3).
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            if (string.IsNullOrEmpty(headers.Date))
            {
                headers.Date = HeaderUtilities.FormatDate(DateTimeOffset.UtcNow);
            }

            return Task.CompletedTask;
        }, context.Response);

        return next(context);
    }
}
