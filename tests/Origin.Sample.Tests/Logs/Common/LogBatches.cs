using System.Text.Json.Nodes;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Logs.Common;

/// <summary>Log records and batches as a node sends them, and the query that reads them back.</summary>
internal static class LogBatches
{
    /// <summary>A record as a node sends it: its sequence number, then its own log's JSON line.</summary>
    public static JsonObject Line(string message, string time = "2026-11-28T12:00:00.123Z", long sequence = 1, string requestId = "req-1",
        string account = RegistryServer.AccountA, string function = "hello", string level = "INFO") => new()
    {
        ["sequence"] = sequence,
        ["timestamp"] = time,
        ["nodeId"] = "edge-line",
        ["requestId"] = requestId,
        ["account"] = account,
        ["function"] = function,
        ["version"] = "1",
        ["event"] = "viewer-request",
        ["level"] = level,
        ["message"] = message,
    };

    public static JsonObject Batch(string batchId, string nodeId, params JsonObject[] records) => new()
    {
        ["batchId"] = batchId,
        ["nodeId"] = nodeId,
        ["records"] = new JsonArray(records.Select(r => (JsonNode)r).ToArray()),
    };

    public static Task<HttpResponseMessage> ShipAsync(this RegistryClient node, JsonObject batch) =>
        node.PostAsync("v1/edge/logs", batch.ToJsonString());

    /// <summary>Ships and expects 200; returns the answer.</summary>
    public static Task<JsonNode> ShipOkAsync(this RegistryClient node, string batchId, string nodeId, params JsonObject[] records) =>
        node.OkAsync(node.ShipAsync(Batch(batchId, nodeId, records)));

    /// <summary>GET /logs with the query string (without '?'); expects 200.</summary>
    public static Task<JsonNode> LogsAsync(this RegistryClient account, string query = "") =>
        account.OkAsync(account.GetAsync("logs" + (query.Length > 0 ? "?" + query : "")));

    /// <summary>The messages of an answer, in its order.</summary>
    public static List<string> Messages(JsonNode page) => page["items"]!.AsArray().Select(i => (string)i!["message"]!).ToList();
}
