using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Api;

/// <summary><c>GET /v1/nodes</c>: which revision each edge node serves, and whether that is the newest.</summary>
internal static class NodeEndpoints
{
    public static RouteGroupBuilder MapNodes(this RouteGroupBuilder api)
    {
        api.MapGet("/nodes", async (IRegistryStore store, CancellationToken ct) =>
        {
            await using var session = await store.BeginAsync(write: false, ct);
            var revision = await session.GetRevisionAsync(ct);
            var nodes = await session.Nodes.ListAsync(ct);
            return TypedResults.Ok(new NodeListResponse(revision,
                nodes.Select(n => new NodeResponse(n.NodeId, n.Revision, n.LastSeen, n.Revision == revision)).ToList()));
        }).WithTags("Edge nodes");
        return api;
    }
}

/// <summary>One node's status in <c>GET /v1/nodes</c>.</summary>
internal sealed record NodeResponse(string NodeId, long Revision, DateTimeOffset LastSeen, bool Current);

/// <summary><c>GET /v1/nodes</c>.</summary>
internal sealed record NodeListResponse(long Revision, IReadOnlyList<NodeResponse> Nodes);
