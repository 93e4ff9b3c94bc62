namespace EdgeCompute.Origin.Sample.Billing.Reports;

/// <summary>A month of one function version's usage in one style, as <c>GET /billing/usage</c> lists it.</summary>
internal sealed record FunctionUsage(string Function, string Version, string Style, long Requests, long Throttled, long Errors,
    long BilledDurationMs, decimal GbSeconds);
