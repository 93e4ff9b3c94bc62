using System.Globalization;
using EdgeCompute.Origin.Sample.Billing.Usage;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Billing.Invoicing;

/// <summary>
/// Prices a month of usage (DESIGN §6, docs/usage-contract.md). Pure: no I/O, no clock; decimal all
/// the way, so the same usage always gives the same cents.
/// </summary>
internal sealed class InvoiceCalculator(IOptions<BillingOptions> options)
{
    public const string Currency = "USD";
    private const decimal Million = 1_000_000m;

    public Invoice Calculate(string account, string month, IEnumerable<UsageAggregate> usage)
    {
        var prices = options.Value;
        var edge = Sum(usage, UsageStyles.LambdaEdge);
        var functions = Sum(usage, UsageStyles.CloudFrontFunctions);

        // One allowance of free requests: Lambda@Edge takes from it first, CloudFront Functions get what is left.
        var edgeRequests = Line($"Lambda@Edge requests ({Price(prices.LambdaEdgePerMillionRequests)} per 1M)", edge.Requests, "request",
            prices.FreeRequests, prices.LambdaEdgePerMillionRequests / Million);
        var duration = Line($"Lambda@Edge duration ({Price(prices.LambdaEdgePerGbSecond)} per GB-second)", edge.GbSeconds, "GB-second",
            prices.FreeGbSeconds, prices.LambdaEdgePerGbSecond);
        var invocations = Line($"CloudFront Functions invocations ({Price(prices.CloudFrontFunctionsPerMillionInvocations)} per 1M)",
            functions.Requests, "invocation", prices.FreeRequests - edgeRequests.Free, prices.CloudFrontFunctionsPerMillionInvocations / Million);

        InvoiceLine[] lines = [edgeRequests, duration, invocations];
        var total = lines.Sum(l => l.Amount);
        return new Invoice(account, month, Currency, lines, Tidy(total), Math.Round(total, 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>The sums of one style. Integers are added before dividing, so GB-seconds come out exact.</summary>
    private static UsageCounters Sum(IEnumerable<UsageAggregate> usage, string style) =>
        usage.Where(u => u.Key.Style == style).Aggregate(UsageCounters.Zero, (sum, u) => sum.Add(u.Counters));

    private static InvoiceLine Line(string description, decimal quantity, string unit, decimal allowance, decimal unitPrice)
    {
        var free = Math.Min(quantity, Math.Max(allowance, 0));
        var billable = quantity - free;
        return new InvoiceLine(description, Tidy(quantity), unit, Tidy(free), Tidy(billable), Tidy(unitPrice), Tidy(billable * unitPrice));
    }

    /// <summary>
    /// Drops trailing zeros (2,000,000 × 0.0000006 is 1.2000000 in decimal) so the JSON reads as the
    /// number; the value is unchanged.
    /// </summary>
    private static decimal Tidy(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>As configured: $0.60 reads as a price, where the tidied 0.6 would not.</summary>
    private static string Price(decimal price) => "$" + price.ToString(CultureInfo.InvariantCulture);
}
