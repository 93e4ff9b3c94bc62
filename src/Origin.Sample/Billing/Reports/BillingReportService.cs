using EdgeCompute.Origin.Sample.Billing.Invoicing;
using EdgeCompute.Origin.Sample.Billing.Storage;

namespace EdgeCompute.Origin.Sample.Billing.Reports;

/// <summary>An account's usage and invoice for a month. The account id always comes from the caller's key, never from the request.</summary>
internal sealed class BillingReportService(IUsageStore store, InvoiceCalculator calculator)
{
    public async Task<UsageReport> GetUsageAsync(string account, string month, CancellationToken cancellationToken) =>
        UsageReport.From(account, month, await store.ListAsync(account, month, cancellationToken));

    public async Task<Invoice> GetInvoiceAsync(string account, string month, CancellationToken cancellationToken) =>
        calculator.Calculate(account, month, await store.ListAsync(account, month, cancellationToken));
}
