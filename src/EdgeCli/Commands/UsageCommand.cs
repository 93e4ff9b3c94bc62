using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeCli.Commands;

/// <summary><c>edge usage</c>: the account's invoice and per-function usage for a month (docs/usage-contract.md).</summary>
internal static class UsageCommand
{
    public static Command Create(RegistryOptions registry)
    {
        var month = new Option<string?>("--month") { Description = "The month, as yyyy-MM (default: the current UTC month)", HelpName = "yyyy-MM" };
        var command = registry.AddTo(new Command("usage", "Show the account's invoice (lines and total) and its usage per function for a month.") { month });
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var query = parse.GetValue(month) is { } text ? "?month=" + Uri.EscapeDataString(text) : "";
            var invoice = await context.Client.GetAsync("billing/invoice" + query, cancellationToken);
            if (!invoice.IsSuccess)
            {
                return context.Output.Failed(invoice);
            }
            // The invoice's month, not the option: without --month both answers must describe the same month even at a month's end.
            var usage = await context.Client.GetAsync("billing/usage?month=" + Uri.EscapeDataString(JsonText.Of(invoice.Body?["month"])), cancellationToken);
            if (!usage.IsSuccess)
            {
                return context.Output.Failed(usage);
            }
            var both = new JsonObject { ["invoice"] = invoice.Body?.DeepClone(), ["usage"] = usage.Body?.DeepClone() };
            return context.Output.Result(both, w => Write(w, invoice.Body, usage.Body));
        });
        return command;
    }

    private static void Write(TextWriter writer, JsonNode? invoice, JsonNode? usage)
    {
        var month = JsonText.Of(invoice?["month"]);
        writer.WriteLine($"invoice for account {JsonText.Of(invoice?["account"])}, {month} ({JsonText.Of(invoice?["currency"])})");
        new TextTable().Column("ITEM", "description").Column("QUANTITY", "quantity").Column("UNIT", "unit").Column("FREE", "free")
            .Column("BILLABLE", "billable").Column("UNIT PRICE", "unitPrice").Column("AMOUNT", "amount")
            .Write(writer, JsonText.Items(invoice, "lines"), "no invoice lines");
        writer.WriteLine($"total {Cents(invoice?["totalRounded"])} {JsonText.Of(invoice?["currency"])} (exact {JsonText.Of(invoice?["total"])})");
        writer.WriteLine();
        writer.WriteLine($"usage in {month}");
        new TextTable().Column("FUNCTION", "function").Column("VERSION", "version").Column("STYLE", "style").Column("REQUESTS", "requests")
            .Column("THROTTLED", "throttled").Column("ERRORS", "errors").Column("BILLED MS", "billedDurationMs").Column("GB-SECONDS", "gbSeconds")
            .Write(writer, JsonText.Items(usage, "functions"), "no usage recorded");
        var totals = usage?["totals"];
        writer.WriteLine($"total {JsonText.Of(totals?["requests"])} requests, {JsonText.Of(totals?["throttled"])} throttled, " +
            $"{JsonText.Of(totals?["errors"])} errors, {JsonText.Of(totals?["gbSeconds"])} GB-seconds");
    }

    /// <summary>The rounded total with both cent digits (the registry writes 0 or 10.4 as the number they are).</summary>
    private static string Cents(JsonNode? amount) =>
        amount is JsonValue value && value.TryGetValue<decimal>(out var cents)
            ? cents.ToString("0.00", CultureInfo.InvariantCulture)
            : JsonText.Of(amount);
}
