namespace EdgeCompute.Origin.Sample.Logs.Ingestion;

/// <summary>The answer to a log batch. A duplicate reports what the first delivery stored.</summary>
internal sealed record LogIngestResult(string BatchId, int Accepted, bool Duplicate);
