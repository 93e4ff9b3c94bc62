namespace EdgeCompute.Origin.Sample.Billing.Ingestion;

/// <summary>The answer to a usage report. A duplicate reports what the first delivery accepted.</summary>
internal sealed record IngestResult(string BatchId, int Accepted, bool Duplicate);
