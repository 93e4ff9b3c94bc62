using EdgeCompute.Origin.Sample.Registry.Sync;

namespace EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

internal sealed class SqliteNodeRepository(SqliteCommands db) : INodeRepository
{
    public Task RecordAsync(NodeStatus status, CancellationToken cancellationToken) =>
        db.ExecuteAsync("""
            INSERT INTO nodes (node_id, revision, last_seen) VALUES (@NodeId, @Revision, @lastSeen)
            ON CONFLICT (node_id) DO UPDATE SET revision = excluded.revision, last_seen = excluded.last_seen
            """, new { status.NodeId, status.Revision, lastSeen = SqliteCommands.Time(status.LastSeen) }, cancellationToken);

    public Task<IReadOnlyList<NodeStatus>> ListAsync(CancellationToken cancellationToken) =>
        db.QueryAsync("SELECT node_id, revision, last_seen FROM nodes ORDER BY node_id", null,
            r => new NodeStatus(r.GetString(0), r.GetInt64(1), SqliteCommands.Time(r, 2)), cancellationToken);
}
