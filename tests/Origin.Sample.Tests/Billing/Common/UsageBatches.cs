using System.Text.Json.Nodes;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;

namespace EdgeCompute.Origin.Sample.Tests.Billing.Common;

/// <summary>Usage records and batches as a node sends them (docs/usage-contract.md), and the calls that read them back.</summary>
internal static class UsageBatches
{
    public const string November = "2026-11", December = "2026-12";

    public static JsonObject Record(string account = RegistryServer.AccountA, string function = "hello", string version = "1",
        string style = "lambda-edge", string outcome = "ok", long billedMs = 13, int memoryMb = 128,
        string time = "2026-11-28T12:00:00.123Z") => new()
    {
        ["account"] = account,
        ["function"] = function,
        ["version"] = version,
        ["event"] = "viewer-request",
        ["style"] = style,
        ["engine"] = "v8",
        ["outcome"] = outcome,
        ["durationMs"] = billedMs > 0 ? billedMs - 0.5 : 0,
        ["billedDurationMs"] = billedMs,
        ["memoryMb"] = memoryMb,
        ["time"] = time,
    };

    /// <summary><paramref name="count"/> copies of one record.</summary>
    public static IEnumerable<JsonObject> Times(int count, Func<JsonObject> record) => Enumerable.Range(0, count).Select(_ => record());

    public static JsonObject Batch(string batchId, IEnumerable<JsonObject> records) => new()
    {
        ["batchId"] = batchId,
        ["nodeId"] = "edge-1",
        ["records"] = new JsonArray(records.Select(r => (JsonNode)r).ToArray()),
    };

    public static Task<HttpResponseMessage> ReportAsync(this RegistryClient node, JsonObject batch) =>
        node.PostAsync("v1/edge/usage", batch.ToJsonString());

    /// <summary>Reports and expects 200; returns the answer.</summary>
    public static Task<JsonNode> ReportOkAsync(this RegistryClient node, string batchId, IEnumerable<JsonObject> records) =>
        node.OkAsync(node.ReportAsync(Batch(batchId, records)));

    public static Task<JsonNode> UsageAsync(this RegistryClient account, string month = November) =>
        account.OkAsync(account.GetAsync($"billing/usage?month={month}"));

    public static Task<JsonNode> InvoiceAsync(this RegistryClient account, string month = November) =>
        account.OkAsync(account.GetAsync($"billing/invoice?month={month}"));

    public static decimal Decimal(JsonNode? node) => node!.GetValue<decimal>();
}
