using EdgeCompute.Origin.Sample.Logs.Storage;

namespace EdgeCompute.Origin.Sample.Logs.Ingestion;

/// <summary>A validated log batch, ready to store in one transaction.</summary>
internal sealed record LogBatch(string BatchId, string NodeId, IReadOnlyList<LogEntry> Entries);
