namespace EdgeCompute.Origin.Sample.Billing.Reports;

/// <summary>The month's sums over every function and both styles (CloudFront Functions' GB-seconds are shown, never priced).</summary>
internal sealed record UsageTotals(long Requests, long Throttled, long Errors, long BilledDurationMs, decimal GbSeconds);
