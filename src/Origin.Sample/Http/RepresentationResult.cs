using Microsoft.Net.Http.Headers;

namespace EdgeCompute.Origin.Sample.Http;

/// <summary>
/// Writes a <see cref="Representation"/>, answering conditional GET/HEAD requests with 304.
/// HEAD gets exactly the headers GET would (including Content-Length) but no body, which is
/// what a cache needs to validate a stored entry without transferring it.
/// </summary>
internal sealed class RepresentationResult(Representation representation, int statusCode) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var headers = response.Headers;

        // RFC 9110 §15.4.5: a 304 must repeat Cache-Control, ETag and Vary from the 200,
        // so these are set before deciding which of the two to send.
        headers.CacheControl = representation.CacheControl;
        if (representation.Vary is { } vary)
        {
            headers.Vary = vary;
        }

        // Validators only describe the selected representation of a successful response;
        // error pages get neither validators nor conditional handling.
        if (statusCode == StatusCodes.Status200OK && representation.ETag is { } etag)
        {
            var lastModified = representation.LastModified!.Value;
            headers.ETag = etag;
            headers.LastModified = HeaderUtilities.FormatDate(lastModified);

            if (Preconditions.IsNotModified(httpContext.Request, etag, lastModified))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return Task.CompletedTask;
            }
        }

        response.StatusCode = statusCode;
        if (!AllowsContent(statusCode))
        {
            return Task.CompletedTask;
        }

        response.ContentType = representation.ContentType;
        response.ContentLength = representation.Body.Length;

        return HttpMethods.IsHead(httpContext.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(representation.Body, httpContext.RequestAborted).AsTask();
    }

    // 204, 205 and 304 must not carry content (RFC 9110 §15.3.5, §15.3.6, §15.4.5).
    private static bool AllowsContent(int statusCode) => statusCode is not (204 or 205 or 304);
}
