using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EdgeCompute.Origin.Sample.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgeCompute.Origin.Sample.Probes;

/// <summary>
/// Describes the request exactly as it arrived, so edge-node tests can assert what the proxy
/// forwarded: rewritten paths, added or stripped headers, the body it relayed. With
/// <c>chunked=true</c> in the query the description goes without a Content-Length, as a streaming
/// origin's answer does.
/// </summary>
internal static class EchoEndpoints
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Keep header values such as "<url>" or "a+b" readable instead of \u-escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEndpointRouteBuilder MapEcho(this IEndpointRouteBuilder endpoints)
    {
        // Map (not MapGet) so every method is echoed, including ones a proxy might mangle.
        endpoints.Map("/echo", EchoAsync);
        endpoints.Map("/echo/{**rest}", EchoAsync);
        return endpoints;
    }

    private static async Task EchoAsync(HttpContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);

        var (path, query) = SplitTarget(context);
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("method", request.Method);
            writer.WriteString("protocol", request.Protocol);
            writer.WriteString("path", path);
            writer.WriteString("query", query);

            writer.WriteStartObject("headers");
            foreach (var (name, values) in request.Headers)
            {
                writer.WriteStartArray(name);
                foreach (var value in values)
                {
                    writer.WriteStringValue(value);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteString("body", Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length));
            writer.WriteNumber("bodyLength", body.Length);
            writer.WriteEndObject();
        }

        if (request.Query["chunked"] == "true")
        {
            context.Response.ContentType = MediaTypes.Json;
            context.Response.Headers.CacheControl = CachePolicies.NoStore;
            await context.Response.Body.WriteAsync(json.WrittenMemory, context.RequestAborted);
            return;
        }
        await Representation.Dynamic(json.WrittenSpan.ToArray(), MediaTypes.Json, CachePolicies.NoStore)
            .ToResult()
            .ExecuteAsync(context);
    }

    /// <summary>
    /// Path and query from the raw request target, still percent-encoded: HttpRequest.Path is
    /// decoded, which would hide exactly the encoding differences a proxy test looks for.
    /// </summary>
    private static (string Path, string Query) SplitTarget(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(rawTarget) || rawTarget[0] != '/')
        {
            // In-memory test hosts may not provide a raw target; rebuild an equivalent one.
            var request = context.Request;
            return ((request.PathBase + request.Path).ToUriComponent(), request.QueryString.Value?.TrimStart('?') ?? "");
        }

        var queryStart = rawTarget.IndexOf('?');
        return queryStart < 0
            ? (rawTarget, "")
            : (rawTarget[..queryStart], rawTarget[(queryStart + 1)..]);
    }
}
