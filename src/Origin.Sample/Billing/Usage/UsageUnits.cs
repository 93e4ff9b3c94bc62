namespace EdgeCompute.Origin.Sample.Billing.Usage;

/// <summary>Unit conversions of billing, as Lambda counts them: 1 GB = 1024 MB, 1 s = 1000 ms.</summary>
internal static class UsageUnits
{
    private const decimal MbMsPerGbSecond = 1_024_000m;

    /// <summary>
    /// GB-seconds from MB·ms, exactly: 1,024,000 = 2^13 × 5^3, so the quotient is a terminating decimal
    /// (at most 13 places) and fits decimal's 28 digits for any sum a long holds.
    /// </summary>
    public static decimal GbSeconds(long mbMs) => mbMs / MbMsPerGbSecond;
}
