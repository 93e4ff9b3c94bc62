using System.Text.Json.Nodes;

namespace EdgeCompute.EdgeNode.Tests.Common;

/// <summary>What a test declares about the one distribution of its node; written out as <c>edge.json</c>.</summary>
internal sealed class TestDistribution
{
    public const string Id = "EDFDVBD6EXAMPLE";
    public const string DomainName = "d111111abcdef8.cloudfront.net";
    public const string DefaultOriginId = "sample";
    public const string NodeId = "edge-test-1";

    public List<TestOriginEntry> Origins { get; } = [];
    public List<TestBehavior> Behaviors { get; } = [];
    public Dictionary<string, string> DefaultOriginHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);
    public bool RunViewerResponseOnErrors { get; set; }

    /// <summary>Key-value stores: id → file (relative to edge.json).</summary>
    public Dictionary<string, string> KeyValueStores { get; } = new(StringComparer.Ordinal);

    /// <summary>The node's <c>Cache</c> section (size limit, largest object), when a test sets it.</summary>
    public JsonObject? Cache { get; set; }

    /// <summary>The node's <c>Admin</c> section (listener and token), when a test sets it.</summary>
    public JsonObject? Admin { get; set; }

    /// <summary>The node's <c>Regional</c> section: when set, the registry provides the distributions and none is written.</summary>
    public JsonObject? Regional { get; set; }

    /// <summary>The node's <c>Metering</c> section, when a test sets it.</summary>
    public JsonObject? Metering { get; set; }

    /// <summary>The node's <c>Geo</c> section (databases, trusted proxies), when a test sets it.</summary>
    public JsonObject? Geo { get; set; }

    /// <summary>The node's <c>Metrics</c> section, when a test sets it.</summary>
    public JsonObject? Metrics { get; set; }

    public string ToJson()
    {
        var origins = new JsonArray();
        foreach (var origin in Origins)
        {
            var headers = new JsonObject();
            foreach (var (name, value) in origin.CustomHeaders)
            {
                headers[name] = value;
            }
            origins.Add(new JsonObject
            {
                ["id"] = origin.Id,
                ["domainName"] = "127.0.0.1",
                ["port"] = origin.Port(),
                ["protocol"] = "http",
                ["customHeaders"] = headers,
            });
        }
        var behaviors = new JsonArray();
        foreach (var behavior in Behaviors)
        {
            behaviors.Add(behavior.ToJson());
        }
        var root = new JsonObject
        {
            // Through the logger, so that LogCapture sees function lines (JsonLinesFunctionLogWriterTests cover the default).
            ["Runtime"] = new JsonObject { ["NodeId"] = NodeId, ["NodeLog"] = "Logger" },
            ["Cache"] = Cache?.DeepClone(),
            ["Admin"] = Admin?.DeepClone(),
            ["Logging"] = new JsonObject
            {
                ["LogLevel"] = new JsonObject { ["Default"] = "Information", ["Microsoft"] = "Warning", ["EdgeCompute.FunctionLogs"] = "Trace" },
            },
            ["Regional"] = Regional?.DeepClone(),
            ["Metering"] = Metering?.DeepClone(),
            ["Geo"] = Geo?.DeepClone(),
            ["Metrics"] = Metrics?.DeepClone(),
            ["distributions"] = Regional is not null ? new JsonArray() : new JsonArray(new JsonObject
            {
                ["id"] = Id,
                ["domainName"] = DomainName,
                ["default"] = true,
                ["runViewerResponseOnErrors"] = RunViewerResponseOnErrors,
                ["origins"] = origins,
                ["cacheBehaviors"] = behaviors,
            }),
        };
        if (KeyValueStores.Count > 0)
        {
            root["keyValueStores"] = new JsonArray(KeyValueStores.Select(s => (JsonNode)new JsonObject { ["id"] = s.Key, ["file"] = s.Value }).ToArray());
        }
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }
}

internal sealed record TestOriginEntry(string Id, Func<int> Port, IReadOnlyDictionary<string, string> CustomHeaders);

internal sealed record TestBehavior(string PathPattern, string OriginId, string? ViewerRequest, string? OriginRequest,
    string? OriginResponse, string? ViewerResponse, bool IncludeBody)
{
    /// <summary>The behaviour's <c>cachePolicy</c>; absent means HTTP's rules alone.</summary>
    public JsonObject? CachePolicy { get; set; }

    /// <summary>The behaviour's <c>originRequestPolicy</c> (CloudFront's shape), when a test sets it.</summary>
    public JsonObject? OriginRequestPolicy { get; set; }

    /// <summary>Weighted routing per event name: the other function and its share of invocations.</summary>
    public Dictionary<string, (string Name, double Weight)> Routing { get; } = new(StringComparer.Ordinal);

    public JsonObject ToJson()
    {
        var functions = new JsonObject();
        void Add(string eventName, string? function, bool includeBody)
        {
            if (function is not null)
            {
                functions[eventName] = includeBody
                    ? new JsonObject { ["name"] = function, ["includeBody"] = true }
                    : new JsonObject { ["name"] = function };
            }
        }
        Add("viewer-request", ViewerRequest, IncludeBody);
        Add("origin-request", OriginRequest, IncludeBody);
        Add("origin-response", OriginResponse, false);
        Add("viewer-response", ViewerResponse, false);
        foreach (var (eventName, (name, weight)) in Routing)
        {
            functions[eventName]!["routing"] = new JsonObject { ["name"] = name, ["weight"] = weight };
        }
        var json = new JsonObject { ["pathPattern"] = PathPattern, ["originId"] = OriginId, ["functions"] = functions };
        if (CachePolicy is not null)
        {
            json["cachePolicy"] = CachePolicy.DeepClone();
        }
        if (OriginRequestPolicy is not null)
        {
            json["originRequestPolicy"] = OriginRequestPolicy.DeepClone();
        }
        return json;
    }
}
