using System.Text.Json.Nodes;

namespace EdgeCompute.EdgeNode.Tests.Regional;

/// <summary>
/// A registry snapshot document as the contract shapes it: one distribution (served for Host
/// <c>127.0.0.1</c>, the test client's) with an origin, cache behaviours binding function
/// versions, the functions' settings and bundle hashes, and key-value stores.
/// </summary>
internal sealed class TestSnapshot
{
    public const string DistributionId = "E2REGIONALTEST";

    private readonly int _originPort;
    private readonly JsonArray _behaviors = [];
    private readonly JsonObject _functions = [];
    private readonly JsonArray _stores = [];

    /// <param name="originPort">The distribution's only origin, on loopback.</param>
    public TestSnapshot(int originPort)
    {
        _originPort = originPort;
    }

    /// <summary>A function version: its folder name, code bundle, layer bundles in order, and settings (JSON).</summary>
    public TestSnapshot Function(string name, string code, string[]? layers = null, string settings = """{ "runtime": "nodejs20.x" }""")
    {
        _functions[name] = new JsonObject
        {
            ["settings"] = JsonNode.Parse(settings),
            ["code"] = code,
            ["layers"] = new JsonArray((layers ?? []).Select(l => (JsonNode)JsonValue.Create(l)!).ToArray()),
        };
        return this;
    }

    /// <summary>A cache behaviour (in order) whose viewer-request runs <paramref name="viewerRequest"/>, optionally weighted to another version.</summary>
    public TestSnapshot Bind(string pathPattern, string? viewerRequest = null, string? routingName = null, double routingWeight = 0)
    {
        var functions = new JsonObject();
        if (viewerRequest is not null)
        {
            var association = new JsonObject { ["name"] = viewerRequest, ["includeBody"] = false };
            if (routingName is not null)
            {
                association["routing"] = new JsonObject { ["name"] = routingName, ["weight"] = routingWeight };
            }
            functions["viewer-request"] = association;
        }
        _behaviors.Add(new JsonObject { ["pathPattern"] = pathPattern, ["originId"] = "origin", ["functions"] = functions });
        return this;
    }

    public TestSnapshot KeyValueStore(string id, long version, IReadOnlyDictionary<string, string> data)
    {
        var contents = new JsonObject();
        foreach (var (key, value) in data)
        {
            contents[key] = value;
        }
        _stores.Add(new JsonObject { ["id"] = id, ["version"] = version, ["data"] = contents });
        return this;
    }

    public JsonObject ToJson() => new()
    {
        ["distributions"] = new JsonArray(new JsonObject
        {
            ["id"] = DistributionId,
            ["domainName"] = "e2regionaltest.edge.local",
            ["aliases"] = new JsonArray("127.0.0.1"),
            ["origins"] = new JsonArray(new JsonObject
            {
                ["id"] = "origin", ["domainName"] = "127.0.0.1", ["port"] = _originPort, ["protocol"] = "http",
            }),
            ["cacheBehaviors"] = _behaviors.DeepClone(),
        }),
        ["functions"] = _functions.DeepClone(),
        ["keyValueStores"] = _stores.DeepClone(),
    };
}
