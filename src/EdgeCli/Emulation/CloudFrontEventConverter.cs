using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeCompute.EdgeCli.Emulation;

/// <summary>
/// A CloudFront Functions test event (<c>{"version", "context", "viewer", "request", "response"}</c>)
/// as the Lambda@Edge event <see cref="EventContextFactory"/> reads: the node builds every function's
/// event from the same request, so a CloudFront Functions event is first turned into that request.
/// </summary>
internal static class CloudFrontEventConverter
{
    public static bool IsCloudFrontEvent(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("Records", out _) && root.TryGetProperty("request", out _);

    public static JsonDocument ToLambdaEvent(JsonElement root)
    {
        var context = root.TryGetProperty("context", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        var request = root.GetProperty("request");
        var config = new JsonObject();
        foreach (var name in new[] { "distributionDomainName", "distributionId", "eventType", "requestId" })
        {
            if (context.ValueKind == JsonValueKind.Object && context.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String)
            {
                config[name] = v.GetString();
            }
        }
        var req = new JsonObject
        {
            ["clientIp"] = root.TryGetProperty("viewer", out var viewer) && viewer.TryGetProperty("ip", out var ip) ? ip.GetString() : "203.0.113.178",
            ["method"] = Text(request, "method") ?? "GET",
            ["uri"] = Text(request, "uri") ?? "/",
            ["querystring"] = Query(request),
            ["headers"] = Headers(request, "cookie"),
        };
        var cf = new JsonObject { ["config"] = config, ["request"] = req };
        if (root.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object)
        {
            cf["response"] = new JsonObject
            {
                ["status"] = response.TryGetProperty("statusCode", out var s) ? s.GetRawText().Trim('"') : "200",
                ["statusDescription"] = Text(response, "statusDescription") ?? "OK",
                ["headers"] = Headers(response, "set-cookie"),
            };
        }
        return JsonDocument.Parse(new JsonObject { ["Records"] = new JsonArray(new JsonObject { ["cf"] = cf }) }.ToJsonString());
    }

    private static string? Text(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IEnumerable<JsonElement> Values(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("multiValue", out var multi) && multi.ValueKind == JsonValueKind.Array
            ? multi.EnumerateArray() : [entry];

    private static string Query(JsonElement request)
    {
        if (!request.TryGetProperty("querystring", out var q))
        {
            return "";
        }
        if (q.ValueKind == JsonValueKind.String)
        {
            return q.GetString()!.TrimStart('?');
        }
        var parts = new List<string>();
        if (q.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in q.EnumerateObject())
            {
                foreach (var v in Values(p.Value))
                {
                    var value = Text(v, "value") ?? "";
                    parts.Add(value.Length == 0 ? p.Name : p.Name + "=" + value);
                }
            }
        }
        return string.Join('&', parts);
    }

    private static JsonObject Headers(JsonElement owner, string cookieHeader)
    {
        var headers = new JsonObject();
        if (owner.TryGetProperty("headers", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in h.EnumerateObject())
            {
                var list = new JsonArray();
                foreach (var v in Values(p.Value))
                {
                    list.Add(new JsonObject { ["key"] = p.Name, ["value"] = Text(v, "value") ?? "" });
                }
                headers[p.Name.ToLowerInvariant()] = list;
            }
        }
        if (owner.TryGetProperty("cookies", out var cookies) && cookies.ValueKind == JsonValueKind.Object)
        {
            var values = new List<string>();
            foreach (var p in cookies.EnumerateObject())
            {
                foreach (var v in Values(p.Value))
                {
                    var attributes = Text(v, "attributes");
                    values.Add(p.Name + "=" + (Text(v, "value") ?? "") + (cookieHeader == "set-cookie" && !string.IsNullOrEmpty(attributes) ? "; " + attributes : ""));
                }
            }
            if (values.Count > 0)
            {
                headers[cookieHeader] = cookieHeader == "cookie"
                    ? new JsonArray(new JsonObject { ["key"] = "Cookie", ["value"] = string.Join("; ", values) })
                    : new JsonArray(values.Select(v => (JsonNode)new JsonObject { ["key"] = "Set-Cookie", ["value"] = v }).ToArray());
            }
        }
        return headers;
    }
}
