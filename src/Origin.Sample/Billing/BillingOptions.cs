namespace EdgeCompute.Origin.Sample.Billing;

/// <summary>
/// The <c>Billing</c> configuration section (docs/usage-contract.md, "Billing"): prices in USD and the
/// free tier per account per month. The defaults are AWS's published Lambda@Edge and CloudFront Functions prices.
/// </summary>
public sealed class BillingOptions
{
    public const string SectionName = "Billing";

    /// <summary>Price of one million Lambda@Edge requests.</summary>
    public decimal LambdaEdgePerMillionRequests { get; set; } = 0.60m;

    /// <summary>Price of one GB-second of Lambda@Edge duration.</summary>
    public decimal LambdaEdgePerGbSecond { get; set; } = 0.00005001m;

    /// <summary>Price of one million CloudFront Functions invocations.</summary>
    public decimal CloudFrontFunctionsPerMillionInvocations { get; set; } = 0.10m;

    /// <summary>Free requests per account and month: Lambda@Edge requests use them first, CloudFront Functions invocations the rest.</summary>
    public long FreeRequests { get; set; } = 1_000_000;

    /// <summary>Free Lambda@Edge GB-seconds per account and month.</summary>
    public decimal FreeGbSeconds { get; set; } = 400_000m;
}
