using System.Globalization;
using EdgeCompute.Origin.Sample.Registry.Blobs;
using EdgeCompute.Origin.Sample.Registry.Problems;
using EdgeCompute.Origin.Sample.Registry.Sync;

namespace EdgeCompute.Origin.Sample.Registry.Api;

/// <summary><c>/v1/edge/*</c>, for edge nodes (node key): the snapshot long-poll and code bundles.</summary>
internal static class EdgeEndpoints
{
    public const string NodeIdHeader = "X-Edge-Node-Id";
    public const string NodeRevisionHeader = "X-Edge-Snapshot-Revision";

    public static RouteGroupBuilder MapEdge(this RouteGroupBuilder edge)
    {
        edge.WithTags("Edge nodes");

        edge.MapGet("/snapshot", async Task<IResult> (HttpContext http, EdgeSnapshotService snapshots, NodeStatusRecorder nodes, TimeProvider time,
            string? after, string? wait, CancellationToken ct) =>
        {
            // Parsed here rather than bound: a bad number must get problem details, not an empty 400.
            var known = ParseQuery(after, "after", long.MaxValue);
            var seconds = (int)Math.Clamp(ParseQuery(wait, "wait", EdgeSnapshotService.MaxWaitSeconds) ?? 0, 0, EdgeSnapshotService.MaxWaitSeconds);
            if (http.Request.Headers[NodeIdHeader].ToString() is { Length: > 0 } nodeId)
            {
                long.TryParse(http.Request.Headers[NodeRevisionHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var serving);
                await nodes.RecordAsync(new NodeStatus(nodeId, serving, time.GetUtcNow()), ct);
            }
            var snapshot = await snapshots.GetAsync(known, TimeSpan.FromSeconds(seconds), ct);
            http.Response.Headers.ETag = $"\"{(snapshot?.Revision ?? known)?.ToString(CultureInfo.InvariantCulture)}\"";
            return snapshot is null ? TypedResults.NoContent() : TypedResults.Bytes(snapshot.Json, "application/json");
        }).Produces<SnapshotDocument>(200).Produces(204);

        edge.MapGet("/bundles/{sha256}", (IBlobStore blobs, string sha256) =>
            blobs.OpenRead(sha256) is { } stream
                ? Results.Stream(stream, "application/zip")
                : RegistryProblemFilter.ToResult(RegistryProblemException.NotFound($"no bundle with SHA-256 {sha256}")))
            .Produces(200, contentType: "application/zip").ProducesProblem(404);

        return edge;
    }

    private static long? ParseQuery(string? value, string name, long max) =>
        value is null ? null
        : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= max ? number
        : throw RegistryProblemException.Invalid($"query parameter {name}='{value}' must be a whole number from 0 to {max}");
}
