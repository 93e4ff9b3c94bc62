using EdgeCompute.Origin.Sample.Billing.Invoicing;
using EdgeCompute.Origin.Sample.Billing.Reports;
using EdgeCompute.Origin.Sample.Billing.Usage;
using EdgeCompute.Origin.Sample.Registry.Accounts;

namespace EdgeCompute.Origin.Sample.Billing.Api;

/// <summary><c>GET /billing/usage</c> and <c>GET /billing/invoice</c> (account key): the caller's own month only.</summary>
internal static class BillingEndpoints
{
    public static RouteGroupBuilder MapBillingReports(this RouteGroupBuilder billing)
    {
        billing.WithTags("Billing");

        billing.MapGet("/usage", async (HttpContext http, BillingReportService reports, TimeProvider time, string? month, CancellationToken ct) =>
            TypedResults.Ok(await reports.GetUsageAsync(CallerAccount.Get(http).Id, BillingMonth.Parse(month, time), ct)))
            .Produces<UsageReport>().ProducesProblem(400).ProducesProblem(401);

        billing.MapGet("/invoice", async (HttpContext http, BillingReportService reports, TimeProvider time, string? month, CancellationToken ct) =>
            TypedResults.Ok(await reports.GetInvoiceAsync(CallerAccount.Get(http).Id, BillingMonth.Parse(month, time), ct)))
            .Produces<Invoice>().ProducesProblem(400).ProducesProblem(401);

        return billing;
    }
}
