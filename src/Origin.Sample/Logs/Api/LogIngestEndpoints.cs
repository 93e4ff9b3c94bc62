using EdgeCompute.Origin.Sample.Logs.Ingestion;
using EdgeCompute.Origin.Sample.Registry.Api;

namespace EdgeCompute.Origin.Sample.Logs.Api;

/// <summary><c>POST /v1/edge/logs</c>, for edge nodes (node key): a batch of function log lines.</summary>
internal static class LogIngestEndpoints
{
    public static RouteGroupBuilder MapLogIngestion(this RouteGroupBuilder edge)
    {
        edge.MapPost("/logs", async (HttpContext http, LogIngestionService ingestion, CancellationToken ct) =>
        {
            var batch = await RequestJson.ReadAsync<LogBatchRequest>(http.Request, ct);
            var nodeId = http.Request.Headers[EdgeEndpoints.NodeIdHeader].ToString();
            return TypedResults.Ok(await ingestion.IngestAsync(batch, nodeId.Length > 0 ? nodeId : null, ct));
        }).WithTags("Edge nodes").Accepts<LogBatchRequest>("application/json").Produces<LogIngestResult>()
            .ProducesProblem(400).ProducesProblem(401);
        return edge;
    }
}
