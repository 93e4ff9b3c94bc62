using EdgeCompute.Origin.Sample.Billing.Usage;

namespace EdgeCompute.Origin.Sample.Billing.Reports;

/// <summary>The answer of <c>GET /billing/usage</c>: one account's month, per function and in total.</summary>
internal sealed record UsageReport(string Account, string Month, IReadOnlyList<FunctionUsage> Functions, UsageTotals Totals)
{
    public static UsageReport From(string account, string month, IReadOnlyList<UsageAggregate> usage)
    {
        var functions = usage.Select(u => new FunctionUsage(u.Key.Function, u.Key.Version, u.Key.Style, u.Counters.Requests,
            u.Counters.Throttled, u.Counters.Errors, u.Counters.BilledMs, u.Counters.GbSeconds)).ToList();
        var sum = usage.Aggregate(UsageCounters.Zero, (total, u) => total.Add(u.Counters));
        return new UsageReport(account, month, functions,
            new UsageTotals(sum.Requests, sum.Throttled, sum.Errors, sum.BilledMs, sum.GbSeconds));
    }
}
