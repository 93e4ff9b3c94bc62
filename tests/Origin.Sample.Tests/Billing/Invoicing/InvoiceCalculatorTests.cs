using System.Globalization;
using EdgeCompute.Origin.Sample.Billing;
using EdgeCompute.Origin.Sample.Billing.Invoicing;
using EdgeCompute.Origin.Sample.Billing.Usage;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Tests.Billing.Invoicing;

/// <summary>The arithmetic against examples worked by hand (default prices: $0.60/1M, $0.00005001/GB-s, $0.10/1M; 1M requests and 400,000 GB-s free).</summary>
public sealed class InvoiceCalculatorTests
{
    private readonly InvoiceCalculator _calculator = new(Options.Create(new BillingOptions()));

    [Fact]
    public void Calculate_3MRequestsAt128MbAnd15Ms_DurationAllFree_2MRequestsBilled()
    {
        // 3,000,000 × 15 ms × 128 MB = 5,760,000,000 MB·ms = 5,625 GB-s.
        var invoice = Calculate(LambdaEdge(3_000_000, billedMs: 15, memoryMb: 128));

        AssertLine(invoice.Lines[0], quantity: 3_000_000m, free: 1_000_000m, billable: 2_000_000m, amount: 1.20m);
        AssertLine(invoice.Lines[1], quantity: 5_625m, free: 5_625m, billable: 0m, amount: 0m);
        Assert.Equal(1.20m, invoice.Total);
        Assert.Equal(1.20m, invoice.TotalRounded);
    }

    [Fact]
    public void Calculate_SameAt100MsGranularity_37500GbSecondsStillFree()
    {
        // Billed 100 ms each: 3,000,000 × 100 × 128 = 38,400,000,000 MB·ms = 37,500 GB-s.
        var invoice = Calculate(LambdaEdge(3_000_000, billedMs: 100, memoryMb: 128));

        AssertLine(invoice.Lines[1], quantity: 37_500m, free: 37_500m, billable: 0m, amount: 0m);
        Assert.Equal(1.20m, invoice.Total);
    }

    [Fact]
    public void Calculate_OverTheGbSecondFreeTier_BillsTheRestExactly()
    {
        // 10,000,000 × 50 ms × 1024 MB = 512,000,000,000 MB·ms = 500,000 GB-s; 100,000 billable × 0.00005001 = 5.001.
        var invoice = Calculate(LambdaEdge(10_000_000, billedMs: 50, memoryMb: 1024));

        AssertLine(invoice.Lines[0], quantity: 10_000_000m, free: 1_000_000m, billable: 9_000_000m, amount: 5.40m);
        AssertLine(invoice.Lines[1], quantity: 500_000m, free: 400_000m, billable: 100_000m, amount: 5.001m);
        Assert.Equal(10.401m, invoice.Total);
        Assert.Equal(10.40m, invoice.TotalRounded);
    }

    [Theory]
    // 400,000 Lambda@Edge requests leave 600,000 free invocations: 1,400,000 billable × $0.10/1M = 0.14.
    [InlineData(400_000, 2_000_000, 600_000, "0.14")]
    // 1,500,000 requests use the whole allowance (500,000 × $0.60/1M = 0.30); every invocation is billed (0.10).
    [InlineData(1_500_000, 1_000_000, 0, "0.40")]
    // Exactly the allowance: nothing left, nothing billed for Lambda@Edge.
    [InlineData(1_000_000, 10_000, 0, "0.001")]
    public void Calculate_CloudFrontFunctions_GetTheFreeRequestsLambdaEdgeLeft(long requests, long invocations, long freeInvocations, string total)
    {
        var invoice = Calculate(LambdaEdge(requests, billedMs: 1, memoryMb: 128), CloudFrontFunctions(invocations));

        var edgeFree = Math.Min(requests, 1_000_000);
        AssertLine(invoice.Lines[0], quantity: requests, free: edgeFree, billable: requests - edgeFree, amount: (requests - edgeFree) * 0.0000006m);
        AssertLine(invoice.Lines[2], quantity: invocations, free: freeInvocations, billable: invocations - freeInvocations,
            amount: (invocations - freeInvocations) * 0.0000001m);
        Assert.Equal(decimal.Parse(total, CultureInfo.InvariantCulture), invoice.Total);
    }

    [Theory]
    [InlineData(1_250_000, "0.025", "0.03")] // banker's rounding would give 0.02
    [InlineData(1_050_000, "0.005", "0.01")] // and 0.00 here
    [InlineData(1_150_000, "0.015", "0.02")]
    public void Calculate_HalfACent_RoundsAwayFromZero(long invocations, string exact, string rounded)
    {
        var invoice = Calculate(CloudFrontFunctions(invocations));

        Assert.Equal(decimal.Parse(exact, CultureInfo.InvariantCulture), invoice.Total);
        Assert.Equal(decimal.Parse(rounded, CultureInfo.InvariantCulture), invoice.TotalRounded);
    }

    [Fact]
    public void Calculate_SumsAcrossFunctionsBeforeDividing_GbSecondsExact()
    {
        // One 1 ms request at 128 MB is 0.000125 GB-s; three functions of them add up without drift.
        var invoice = Calculate(LambdaEdge(1, 1, 128, "a"), LambdaEdge(1, 1, 128, "b"), LambdaEdge(1, 1, 128, "c"));

        Assert.Equal(0.000375m, invoice.Lines[1].Quantity);
    }

    [Fact]
    public void Calculate_CloudFrontFunctionsDuration_IsNotPriced()
    {
        var invoice = Calculate(new UsageAggregate(Key("cf", UsageStyles.CloudFrontFunctions), new UsageCounters(2_000_000, 0, 0, 2_000_000, 256_000_000_000)));

        Assert.Equal(0m, invoice.Lines[1].Quantity);
        Assert.Equal(0.10m, invoice.Total);
    }

    [Fact]
    public void Calculate_ConfiguredPricesAndFreeTier_AreUsed()
    {
        var calculator = new InvoiceCalculator(Options.Create(new BillingOptions
        {
            LambdaEdgePerMillionRequests = 1m, LambdaEdgePerGbSecond = 0.0001m, CloudFrontFunctionsPerMillionInvocations = 0.5m,
            FreeRequests = 0, FreeGbSeconds = 0m,
        }));

        var invoice = calculator.Calculate("111111111111", "2026-11", [LambdaEdge(2_000_000, 50, 1024), CloudFrontFunctions(1_000_000)]);

        // 2M × $1/1M = 2; 100,000 GB-s × 0.0001 = 10; 1M × $0.5/1M = 0.5.
        Assert.Equal([2m, 10m, 0.5m], invoice.Lines.Select(l => l.Amount));
        Assert.Equal(12.5m, invoice.Total);
    }

    [Fact]
    public void Calculate_NoUsage_ThreeZeroLines()
    {
        var invoice = Calculate();

        Assert.Equal(["request", "GB-second", "invocation"], invoice.Lines.Select(l => l.Unit));
        Assert.All(invoice.Lines, l => Assert.Equal(0m, l.Amount));
        Assert.Equal(0m, invoice.TotalRounded);
        Assert.Equal("USD", invoice.Currency);
    }

    [Fact]
    public void Calculate_AmountsAndPrices_HaveNoTrailingZeros()
    {
        var invoice = Calculate(LambdaEdge(3_000_000, billedMs: 15, memoryMb: 128));

        Assert.Equal("1.2", invoice.Lines[0].Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0.0000006", invoice.Lines[0].UnitPrice.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("0", invoice.Lines[1].Billable.ToString(CultureInfo.InvariantCulture));
        Assert.Equal("Lambda@Edge requests ($0.60 per 1M)", invoice.Lines[0].Description);
    }

    private Invoice Calculate(params UsageAggregate[] usage) => _calculator.Calculate("111111111111", "2026-11", usage);

    private static UsageAggregate LambdaEdge(long requests, long billedMs, long memoryMb, string function = "hello") =>
        new(Key(function, UsageStyles.LambdaEdge), new UsageCounters(requests, 0, 0, requests * billedMs, requests * billedMs * memoryMb));

    private static UsageAggregate CloudFrontFunctions(long invocations) =>
        new(Key("rewrite", UsageStyles.CloudFrontFunctions), new UsageCounters(invocations, 0, 0, invocations, 0));

    private static UsageKey Key(string function, string style) => new("111111111111", "2026-11", function, "1", style);

    private static void AssertLine(InvoiceLine line, decimal quantity, decimal free, decimal billable, decimal amount)
    {
        Assert.Equal(quantity, line.Quantity);
        Assert.Equal(free, line.Free);
        Assert.Equal(billable, line.Billable);
        Assert.Equal(amount, line.Amount);
        Assert.Equal(line.Amount, line.Billable * line.UnitPrice);
    }
}
