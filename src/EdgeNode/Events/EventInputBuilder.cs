using System.Text;
using System.Text.Json;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Pipeline;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.ObjectPool;

namespace EdgeCompute.EdgeNode.Events;

/// <summary>
/// Builds the strings of a Lambda@Edge event (<see cref="FunctionEventInput"/>) from the real
/// request and response. Disallowed headers are left out: functions never see them.
/// </summary>
internal sealed class EventInputBuilder
{
    private readonly ObjectPool<StringBuilder> _builders;

    public EventInputBuilder(ObjectPool<StringBuilder> builders)
    {
        _builders = builders;
    }

    public async ValueTask<FunctionEventInput> BuildAsync(HttpContext context, EdgeRequestFeature edge, FunctionBinding binding,
        CancellationToken cancellationToken)
    {
        var type = binding.EventType;
        var request = context.Request;
        string? bodyJson = null;
        if (binding.IncludeBody && type.IsRequestEvent())
        {
            bodyJson = await ReadBodyJsonAsync(request, EdgeLimits.BodyLimit(type), cancellationToken);
        }
        string? status = null, description = null, responseHeaders = null;
        if (!type.IsRequestEvent())
        {
            var response = context.Response;
            status = StatusText.Number(response.StatusCode);
            description = StatusText.Description(context);
            responseHeaders = Flatten(response.Headers, null);
        }
        var originHost = type.IsOriginEvent() ? edge.OriginHost ?? edge.DefaultOriginHost(request.Host.Value ?? "") : null;
        return new FunctionEventInput
        {
            EventType = type,
            RequestId = edge.RequestId,
            DistributionId = edge.Distribution.Id,
            DistributionDomainName = edge.Distribution.DomainName,
            ClientIp = edge.ClientIp,
            Method = request.Method,
            Uri = edge.Uri,
            QueryString = edge.QueryString,
            RequestHeaders = Flatten(request.Headers, originHost),
            BodyJson = bodyJson,
            OriginJson = type.IsOriginEvent() ? OriginJson.Write(edge.Origin) : null,
            Status = status,
            StatusDescription = description,
            ResponseHeaders = responseHeaders,
        };
    }

    /// <summary><c>key\0value\0...</c>, one pair per header value; <paramref name="host"/> replaces the Host header.</summary>
    private string Flatten(IHeaderDictionary headers, string? host)
    {
        var builder = _builders.Get();
        try
        {
            foreach (var (key, values) in headers)
            {
                if (HeaderRules.IsDisallowed(key))
                {
                    continue;
                }
                if (host is not null && key.Equals("Host", StringComparison.OrdinalIgnoreCase))
                {
                    builder.Append(key).Append('\0').Append(host).Append('\0');
                    continue;
                }
                foreach (var value in values)
                {
                    builder.Append(key).Append('\0').Append(value).Append('\0');
                }
            }
            return builder.ToString();
        }
        finally
        {
            _builders.Return(builder);
        }
    }

    /// <summary>
    /// Reads up to <paramref name="limit"/> bytes of the body for the function, leaving the whole body
    /// readable again for the origin.
    /// </summary>
    private static async ValueTask<string> ReadBodyJsonAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        request.EnableBuffering(bufferThreshold: limit + 1);
        var buffer = new byte[limit + 1];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        request.Body.Position = 0;
        var truncated = read > limit;
        var data = Convert.ToBase64String(buffer, 0, Math.Min(read, limit));
        return JsonSerializer.Serialize(new BodyEvent(truncated, "read-only", "base64", data), EventJsonContext.Default.BodyEvent);
    }
}
