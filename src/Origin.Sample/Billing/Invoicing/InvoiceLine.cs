namespace EdgeCompute.Origin.Sample.Billing.Invoicing;

/// <summary>
/// One priced item. <see cref="UnitPrice"/> is the price of one <see cref="Unit"/>, so that
/// <see cref="Amount"/> = <see cref="Billable"/> × <see cref="UnitPrice"/> exactly; the per-million
/// price of requests is in <see cref="Description"/>.
/// </summary>
internal sealed record InvoiceLine(string Description, decimal Quantity, string Unit, decimal Free, decimal Billable,
    decimal UnitPrice, decimal Amount);
