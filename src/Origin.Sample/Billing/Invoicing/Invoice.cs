namespace EdgeCompute.Origin.Sample.Billing.Invoicing;

/// <summary>An account's charges for one month. <see cref="Total"/> is exact; <see cref="TotalRounded"/> is to the cent, half away from zero.</summary>
internal sealed record Invoice(string Account, string Month, string Currency, IReadOnlyList<InvoiceLine> Lines, decimal Total,
    decimal TotalRounded);
