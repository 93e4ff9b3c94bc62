using System.Text;
using System.Text.Json;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace EdgeCompute.EdgeNode.Events;

/// <summary>
/// Validates the request a viewer-request or origin-request function returned and applies it to
/// the real request: uri, querystring, headers, body (<c>action: replace</c>) and, in origin-request,
/// the origin. Nothing is applied unless everything is valid.
/// </summary>
internal static class RequestResultApplier
{
    public static string? Apply(JsonElement result, HttpContext context, EdgeRequestFeature edge, FunctionBinding binding)
    {
        var type = binding.EventType;
        var request = context.Request;
        if ((ReadOnlyChanged(result, "method", request.Method) ?? ReadOnlyChanged(result, "clientIp", edge.ClientIp)) is { } readOnly)
        {
            return readOnly;
        }
        var uri = edge.Uri;
        if (result.TryGetProperty("uri", out var uriElement))
        {
            if (uriElement.ValueKind != JsonValueKind.String || uriElement.GetString() is not { } u || !u.StartsWith('/') || !IsValidTarget(u))
            {
                return $"uri: {uriElement.GetRawText()} is not a string starting with '/' without spaces, control or non-ASCII characters";
            }
            uri = u;
        }
        var query = edge.QueryString;
        if (result.TryGetProperty("querystring", out var queryElement) && queryElement.ValueKind != JsonValueKind.Null)
        {
            if (queryElement.ValueKind != JsonValueKind.String || !IsValidTarget(queryElement.GetString()!))
            {
                return $"querystring: {queryElement.GetRawText()} is not a string without spaces, control or non-ASCII characters";
            }
            query = queryElement.GetString()!.TrimStart('?');
        }
        List<KeyValuePair<string, string>>? headers = null;
        if (result.TryGetProperty("headers", out var headerElement))
        {
            headers = [];
            if (!HeaderListReader.TryRead(headerElement, "headers", headers, out var error))
            {
                return error;
            }
            if (HeaderDiff.Check(headers, request.Headers, type, type.IsOriginEvent() ? edge.OriginHost ?? edge.DefaultOriginHost(request.Host.Value ?? "") : null) is { } headerError)
            {
                return headerError;
            }
        }
        byte[]? body = null;
        if (binding.IncludeBody && result.TryGetProperty("body", out var bodyElement) && bodyElement.ValueKind == JsonValueKind.Object &&
            bodyElement.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String && action.GetString() == "replace")
        {
            if (ReadReplacedBody(bodyElement, EdgeLimits.BodyLimit(type), out body) is { } bodyError)
            {
                return bodyError;
            }
        }
        OriginModel? origin = null;
        OriginFailover? failover = null;
        if (type == EdgeEventType.OriginRequest && result.TryGetProperty("origin", out var originElement))
        {
            origin = OriginJson.Read(originElement, edge.Origin, out var originError);
            if (origin is null)
            {
                return originError;
            }
        }

        if (type == EdgeEventType.ViewerRequest && binding.Function.CloudFrontVersion is not null && result.TryGetProperty("cfOrigin", out var cfOrigin))
        {
            origin = CloudFrontOrigin.Read(cfOrigin, edge, out failover, out var originError);
            if (origin is null)
            {
                return originError;
            }
        }

        // Everything is valid: apply.
        edge.Uri = uri;
        edge.QueryString = query;
        if (headers is not null)
        {
            HeaderDiff.Apply(headers, request.Headers, type, edge);
        }
        if (body is not null)
        {
            request.Body = new MemoryStream(body, writable: false);
            request.ContentLength = body.Length;
            request.Headers.TransferEncoding = StringValues.Empty;
        }
        if (origin is not null && !OriginUnchanged(origin, edge.Origin))
        {
            edge.Origin = origin;
        }
        if (failover is not null)
        {
            edge.Failover = failover;
        }
        return null;
    }

    private static string? ReadOnlyChanged(JsonElement result, string field, string original)
    {
        if (result.TryGetProperty(field, out var element) && (element.ValueKind != JsonValueKind.String || element.GetString() != original))
        {
            return $"{field}: is read-only (was '{original}', the function returned {element.GetRawText()})";
        }
        return null;
    }

    private static bool IsValidTarget(string value)
    {
        foreach (var c in value)
        {
            // Non-ASCII must be percent-encoded: sent raw, the origin refuses the request line.
            if (c <= 0x20 || c >= 0x7f)
            {
                return false;
            }
        }
        return true;
    }

    private static string? ReadReplacedBody(JsonElement body, int limit, out byte[]? bytes)
    {
        bytes = null;
        var encoding = body.TryGetProperty("encoding", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        if (!body.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.String)
        {
            return "body.data: is missing or not a string";
        }
        switch (encoding)
        {
            case "base64":
                try
                {
                    bytes = Convert.FromBase64String(data.GetString()!);
                }
                catch (FormatException)
                {
                    return "body.data: is not valid base64 although body.encoding is 'base64'";
                }
                break;
            case "text":
                bytes = Encoding.UTF8.GetBytes(data.GetString()!);
                break;
            default:
                return $"body.encoding: '{encoding}' is not 'text' or 'base64'";
        }
        return bytes.Length > limit ? $"body.data: {bytes.Length} bytes, over the {limit}-byte limit" : null;
    }

    private static bool OriginUnchanged(OriginModel a, OriginModel b) =>
        a.IsS3 == b.IsS3 && a.DomainName == b.DomainName && a.Port == b.Port && a.Protocol == b.Protocol && a.Path == b.Path &&
        a.ReadTimeoutSeconds == b.ReadTimeoutSeconds && a.KeepaliveTimeoutSeconds == b.KeepaliveTimeoutSeconds &&
        a.CustomHeaders.SequenceEqual(b.CustomHeaders);
}
