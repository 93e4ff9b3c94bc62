namespace EdgeCompute.Origin.Sample.Billing.Usage;

/// <summary>What usage is aggregated by. <paramref name="Month"/> is <c>yyyy-MM</c> (UTC) of the invocation's time.</summary>
internal sealed record UsageKey(string Account, string Month, string Function, string Version, string Style);
