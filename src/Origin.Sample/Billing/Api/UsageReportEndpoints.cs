using EdgeCompute.Origin.Sample.Billing.Ingestion;
using EdgeCompute.Origin.Sample.Registry.Api;

namespace EdgeCompute.Origin.Sample.Billing.Api;

/// <summary><c>POST /v1/edge/usage</c>, for edge nodes (node key): a batch of metered invocations.</summary>
internal static class UsageReportEndpoints
{
    public static RouteGroupBuilder MapUsageReports(this RouteGroupBuilder edge)
    {
        edge.MapPost("/usage", async (HttpContext http, UsageIngestionService ingestion, CancellationToken ct) =>
        {
            var batch = await RequestJson.ReadAsync<UsageBatchRequest>(http.Request, ct);
            var nodeId = http.Request.Headers[EdgeEndpoints.NodeIdHeader].ToString();
            return TypedResults.Ok(await ingestion.IngestAsync(batch, nodeId.Length > 0 ? nodeId : null, ct));
        }).WithTags("Edge nodes").Accepts<UsageBatchRequest>("application/json").Produces<IngestResult>()
            .ProducesProblem(400).ProducesProblem(401);
        return edge;
    }
}
