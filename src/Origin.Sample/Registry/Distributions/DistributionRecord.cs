namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>A stored distribution. Ids are global (nodes serve every account's distributions side by side).</summary>
internal sealed record DistributionRecord(string Id, string AccountId, DistributionDocument Document, DateTimeOffset LastModified);
