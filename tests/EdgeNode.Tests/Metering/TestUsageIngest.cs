using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace EdgeCompute.EdgeNode.Tests.Metering;

/// <summary>One <c>POST /v1/edge/usage</c> as the test double received and answered it.</summary>
internal sealed record ReceivedUsageBatch(string BatchId, string NodeIdHeader, IReadOnlyList<JsonElement> Records, int Status, bool Duplicate);

/// <summary>
/// A test double of the regional origin's usage ingestion (docs/usage-contract.md, "Report"), mapped
/// by <see cref="Regional.TestRegistry"/>: ingests each batch id once (a repeat answers 200 with
/// <c>"duplicate": true</c>), and answers what a test scripts instead (400, 500…) when it does.
/// </summary>
internal sealed class TestUsageIngest
{
    private readonly ConcurrentDictionary<string, bool> _ingested = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonElement> _records = new();

    /// <summary>Every request, in order, with the answer given.</summary>
    public ConcurrentQueue<ReceivedUsageBatch> Requests { get; } = new();

    /// <summary>Statuses to answer to the next requests instead of ingesting them, one per request.</summary>
    public ConcurrentQueue<int> ScriptedStatuses { get; } = new();

    /// <summary>Called with each request's batch id before it is answered (e.g. to look at the node's spool meanwhile).</summary>
    public Action<string>? OnRequest { get; set; }

    /// <summary>The records of every batch ingested, each batch once.</summary>
    public IReadOnlyList<JsonElement> Records => _records.ToArray();

    public IReadOnlyCollection<string> IngestedBatchIds => _ingested.Keys.ToList();

    public async Task HandleAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        var batchId = body.RootElement.GetProperty("batchId").GetString()!;
        var records = body.RootElement.GetProperty("records").EnumerateArray().Select(r => r.Clone()).ToList();
        var nodeId = context.Request.Headers["X-Edge-Node-Id"].ToString();
        OnRequest?.Invoke(batchId);
        if (ScriptedStatuses.TryDequeue(out var status))
        {
            Requests.Enqueue(new ReceivedUsageBatch(batchId, nodeId, records, status, false));
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync($$"""{"title":"scripted","status":{{status}},"code":"Scripted","detail":"the test said so"}""");
            return;
        }
        var duplicate = !_ingested.TryAdd(batchId, true);
        if (!duplicate)
        {
            foreach (var record in records)
            {
                _records.Enqueue(record);
            }
        }
        Requests.Enqueue(new ReceivedUsageBatch(batchId, nodeId, records, 200, duplicate));
        await context.Response.WriteAsJsonAsync(new { batchId, accepted = duplicate ? 0 : records.Count, duplicate });
    }
}
