namespace EdgeCompute.Origin.Sample.Registry.Sync;

/// <summary>What an edge node last told the registry: the snapshot revision it serves, and when.</summary>
internal sealed record NodeStatus(string NodeId, long Revision, DateTimeOffset LastSeen);
