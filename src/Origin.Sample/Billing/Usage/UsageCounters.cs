namespace EdgeCompute.Origin.Sample.Billing.Usage;

/// <summary>
/// Sums for one <see cref="UsageKey"/>. All integers, so that adding batches is exact; GB-seconds are
/// derived from <see cref="BilledMbMs"/> only when priced or shown.
/// </summary>
/// <param name="Requests">Billed invocations (every outcome but throttled).</param>
/// <param name="Throttled">Invocations refused before the code ran; not billed.</param>
/// <param name="Errors">Billed invocations that failed (error, invalid, timeout, limit).</param>
/// <param name="BilledMs">Sum of billed durations.</param>
/// <param name="BilledMbMs">Sum of billed duration × configured memory (MB·ms).</param>
internal sealed record UsageCounters(long Requests, long Throttled, long Errors, long BilledMs, long BilledMbMs)
{
    public static UsageCounters Zero { get; } = new(0, 0, 0, 0, 0);

    public decimal GbSeconds => UsageUnits.GbSeconds(BilledMbMs);

    public UsageCounters Add(UsageCounters other) => new(
        checked(Requests + other.Requests), checked(Throttled + other.Throttled), checked(Errors + other.Errors),
        checked(BilledMs + other.BilledMs), checked(BilledMbMs + other.BilledMbMs));
}
