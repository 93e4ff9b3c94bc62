using System.Net;
using System.Text.Json.Nodes;

namespace EdgeCompute.Origin.Sample.Tests.Registry.Common;

/// <summary>The steps most tests start from: a function with code, a published version, a distribution binding it.</summary>
internal static class RegistryScenarios
{
    public static Task<JsonNode> CreateFunctionAsync(this RegistryClient client, string name, JsonObject? settings = null)
    {
        var body = settings ?? [];
        body["name"] = name;
        return client.CreatedAsync(client.PostAsync("v1/functions", body.ToJsonString()));
    }

    public static Task<JsonNode> UploadAsync(this RegistryClient client, string name, byte[] zip) =>
        client.OkAsync(client.SendZipAsync(HttpMethod.Put, $"v1/functions/{name}/code", zip));

    /// <summary>Creates the function and uploads code to it.</summary>
    public static async Task CreateWithCodeAsync(this RegistryClient client, string name, string marker = "", JsonObject? settings = null)
    {
        await client.CreateFunctionAsync(name, settings);
        await client.UploadAsync(name, TestZips.Function(marker));
    }

    /// <summary>Creates the function, uploads code and publishes version 1.</summary>
    public static async Task CreatePublishedAsync(this RegistryClient client, string name, string marker = "", JsonObject? settings = null)
    {
        await client.CreateWithCodeAsync(name, marker, settings);
        await client.PublishAsync(name);
    }

    /// <summary>Puts a distribution whose <c>*</c> behaviour binds one function on one event.</summary>
    public static Task<HttpResponseMessage> PutBoundDistributionAsync(this RegistryClient client, string id, string eventName, string function,
        string qualifier, bool development = false) =>
        client.PutDistributionAsync(id, Distribution(Bind(eventName, function, qualifier), development));

    /// <summary>Publishes and returns the new version number.</summary>
    public static async Task<string> PublishAsync(this RegistryClient client, string name) =>
        (string)(await client.CreatedAsync(client.PostAsync($"v1/functions/{name}/versions", new { })))["version"]!;

    /// <summary>A distribution with one origin and one <c>*</c> behaviour binding <paramref name="functions"/>.</summary>
    public static JsonObject Distribution(JsonObject? functions = null, bool development = false, params string[] aliases) => new()
    {
        ["aliases"] = new JsonArray(aliases.Select(a => (JsonNode)a).ToArray()),
        ["development"] = development,
        ["origins"] = new JsonArray(new JsonObject { ["id"] = "origin", ["domainName"] = "example.org" }),
        ["cacheBehaviors"] = new JsonArray(new JsonObject
        {
            ["pathPattern"] = "*",
            ["originId"] = "origin",
            ["functions"] = functions ?? [],
        }),
    };

    public static JsonObject Bind(string eventName, string function, string qualifier, bool includeBody = false) => new()
    {
        [eventName] = new JsonObject { ["name"] = function, ["qualifier"] = qualifier, ["includeBody"] = includeBody },
    };

    public static Task<HttpResponseMessage> PutDistributionAsync(this RegistryClient client, string id, JsonObject body) =>
        client.PutAsync($"v1/distributions/{id}", body.ToJsonString());

    /// <summary>The current snapshot, as a node fetches it without waiting.</summary>
    public static Task<JsonNode> SnapshotAsync(this RegistryClient node) => node.OkAsync(node.GetAsync("v1/edge/snapshot"));

    public static async Task<long> RevisionAsync(this RegistryClient node) => (long)(await node.SnapshotAsync())["revision"]!;

    public static Task<JsonNode> ProblemAsync(HttpStatusCode status, string code, Task<HttpResponseMessage> sending) =>
        RegistryClient.ProblemAsync(status, code, sending);
}
