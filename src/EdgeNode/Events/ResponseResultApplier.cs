using System.Text.Json;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeCompute.EdgeNode.Events;

/// <summary>
/// Validates the response an origin-response or viewer-response function returned and applies it
/// to the real response. Both may replace the body (within the event's size limit); origin-response
/// may change the status, viewer-response cannot (CloudFront ignores it there) unless it is a CloudFront Function.
/// </summary>
internal static class ResponseResultApplier
{
    public static string? Apply(JsonElement result, HttpContext context, EdgeRequestFeature edge, EdgeEventType type, out byte[]? body,
        bool statusChangeable = false)
    {
        body = null;
        var response = context.Response;
        int? status = null;
        if (result.TryGetProperty("status", out _))
        {
            if (!ResponseFields.TryReadStatus(result, out var s, out var statusError))
            {
                return statusError;
            }
            status = s;
        }
        if (!ResponseFields.TryReadDescription(result, out var description, out var error))
        {
            return error;
        }
        List<KeyValuePair<string, string>>? headers = null;
        if (result.TryGetProperty("headers", out var headerElement))
        {
            headers = [];
            if (!HeaderListReader.TryRead(headerElement, "headers", headers, out error) ||
                (error = HeaderDiff.Check(headers, response.Headers, type, null)) is not null)
            {
                return error;
            }
        }
        if (!ResponseFields.TryReadBody(result, out body, out error))
        {
            return error;
        }
        var limit = EdgeLimits.GeneratedResponseLimit(type);
        if (body?.Length > limit)
        {
            return $"body: {body.Length} bytes, over the {limit}-byte limit for {type.ToWireName()}";
        }

        if ((type == EdgeEventType.OriginResponse || statusChangeable) && status is { } newStatus && newStatus != response.StatusCode)
        {
            response.StatusCode = newStatus;
            context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = description;
        }
        if (headers is not null)
        {
            HeaderDiff.Apply(headers, response.Headers, type, edge);
        }
        return null;
    }
}
