using System.Text.Json;
using EdgeCompute.EdgeNode.Events;
using EdgeCompute.EdgeNode.Geo;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Pipeline;
using Microsoft.AspNetCore.Http;

namespace EdgeCompute.EdgeCli.Emulation;

/// <summary>
/// Turns a Lambda@Edge test event (<c>{"Records":[{"cf":{...}}]}</c>) into the HTTP request and
/// response the node would hold, so that <c>edge test</c> builds the event and validates the result
/// with exactly the node's own code.
/// </summary>
internal static class EventContextFactory
{
    private static readonly OriginModel DefaultOrigin = new()
    {
        Id = "origin", DomainName = "example.org", Port = 443, Protocol = "https",
    };

    public static (HttpContext Context, EdgeRequestFeature Edge, FunctionBinding Binding)? Create(
        JsonElement root, FunctionModel function, EdgeEventType? eventType, List<string> errors)
    {
        if (!root.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array ||
            records.GetArrayLength() == 0 || !records[0].TryGetProperty("cf", out var cf) ||
            !cf.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            errors.Add("--event: not a Lambda@Edge event: expected {\"Records\":[{\"cf\":{\"config\":{...},\"request\":{...}}]}");
            return null;
        }
        var config = cf.TryGetProperty("config", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var type = eventType;
        if (type is null)
        {
            if (!EdgeEventTypeExtensions.TryParse(Text(config, "eventType"), out var fromEvent))
            {
                errors.Add("--event-type: not given, and the event's Records[0].cf.config.eventType is missing or unknown");
                return null;
            }
            type = fromEvent;
        }

        var context = new DefaultHttpContext();
        context.Request.Method = Text(request, "method") ?? "GET";
        var host = AddHeaders(request, context.Request.Headers);
        context.Request.Host = new HostString(host ?? "d111111abcdef8.cloudfront.net");
        var includeBody = false;
        if (request.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.Object)
        {
            includeBody = true;
            var data = Text(body, "data") ?? "";
            var bytes = Text(body, "encoding") == "text" ? System.Text.Encoding.UTF8.GetBytes(data) : Convert.FromBase64String(data);
            context.Request.Body = new MemoryStream(bytes);
        }
        if (!type.Value.IsRequestEvent() && cf.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object)
        {
            context.Response.StatusCode = int.TryParse(Text(response, "status") ?? RawNumber(response, "status"), out var status) ? status : 200;
            AddHeaders(response, context.Response.Headers);
        }
        var origin = DefaultOrigin;
        if (request.TryGetProperty("origin", out var originElement))
        {
            if (OriginJson.Read(originElement, DefaultOrigin, out var originError) is not { } read)
            {
                errors.Add("--event: request." + originError);
                return null;
            }
            origin = read;
        }

        var binding = new FunctionBinding(type.Value, function, includeBody && type.Value.IsRequestEvent());
        var behavior = new CacheBehaviorModel(new PathPattern("*"), origin, null, forwardHost: true, [binding]);
        var distribution = new DistributionModel
        {
            Id = Text(config, "distributionId") ?? "EDFDVBD6EXAMPLE",
            DomainName = Text(config, "distributionDomainName") ?? "d111111abcdef8.cloudfront.net",
            HostNames = [],
            Behaviors = [behavior],
            Origins = new EmulatedOrigins(origin),
        };
        var clientIp = Text(request, "clientIp") ?? "203.0.113.178";
        var edge = new EdgeRequestFeature
        {
            Snapshot = new EdgeSnapshot([distribution], distribution, new Dictionary<string, FunctionModel>(), 1),
            Distribution = distribution,
            Behavior = behavior,
            RequestId = Text(config, "requestId") ?? RequestIdGenerator.Next(DateTimeOffset.UtcNow),
            // The event's clientIp as given; the viewer's address for CloudFront-* headers only when it is one.
            Viewer = new ViewerAddress(System.Net.IPAddress.TryParse(clientIp, out var ip) ? ip : System.Net.IPAddress.Loopback, 0),
            ClientIp = clientIp,
            Uri = Text(request, "uri") ?? "/",
            QueryString = Text(request, "querystring") ?? "",
            Origin = origin,
            OriginHost = host,
        };
        return (context, edge, binding);
    }

    /// <summary>Appends every {key, value} of <c>headers</c>; returns the Host value if any.</summary>
    private static string? AddHeaders(JsonElement owner, IHeaderDictionary into)
    {
        string? host = null;
        if (!owner.TryGetProperty("headers", out var headers) || headers.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        foreach (var header in headers.EnumerateObject())
        {
            if (header.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            foreach (var entry in header.Value.EnumerateArray())
            {
                var key = Text(entry, "key") ?? HeaderRules.TitleCase(header.Name);
                var value = Text(entry, "value") ?? "";
                into.Append(key, value);
                if (header.Name == "host")
                {
                    host ??= value;
                }
            }
        }
        return host;
    }

    private static string? Text(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? RawNumber(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetRawText() : null;
}

/// <summary>
/// The origins of <c>edge test</c>'s one-off distribution: the event's origin under its id, and any
/// other id a CloudFront Function selects as an origin of that name (<c>https://ID</c>), since there is
/// no distribution config to look it up in.
/// </summary>
internal sealed class EmulatedOrigins(OriginModel origin) : IReadOnlyDictionary<string, OriginModel>
{
    public OriginModel this[string key] => Make(key);
    public IEnumerable<string> Keys => [origin.Id];
    public IEnumerable<OriginModel> Values => [origin];
    public int Count => 1;
    public bool ContainsKey(string key) => true;

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out OriginModel value)
    {
        value = Make(key);
        return true;
    }

    public IEnumerator<KeyValuePair<string, OriginModel>> GetEnumerator() => Keys.Select(k => KeyValuePair.Create(k, origin)).GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private OriginModel Make(string id) =>
        id == origin.Id ? origin : new OriginModel { Id = id, DomainName = id, Port = 443, Protocol = "https" };
}
