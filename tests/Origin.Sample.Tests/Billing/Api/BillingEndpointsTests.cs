using System.Net;
using EdgeCompute.Origin.Sample.Tests.Billing.Common;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;
using static EdgeCompute.Origin.Sample.Tests.Billing.Common.UsageBatches;

namespace EdgeCompute.Origin.Sample.Tests.Billing.Api;

/// <summary><c>GET /billing/usage</c> and <c>/billing/invoice</c> against the real server and a real SQLite file.</summary>
public sealed class BillingEndpointsTests
{
    [Fact]
    public async Task Usage_AcrossBatchesAndMonths_SummedPerMonthFunctionVersionAndStyle()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.Node.ReportOkAsync("edge-1:1", [Record(billedMs: 13), Record(outcome: "error", billedMs: 7), Record(version: "2", billedMs: 1)]);
        await server.Node.ReportOkAsync("edge-2:1", [
            Record(billedMs: 100, memoryMb: 1024),
            Record(function: "rewrite", version: "$LATEST", style: "cloudfront-functions", billedMs: 1, memoryMb: 2),
            Record(billedMs: 50, time: "2026-12-01T00:00:00Z"),
            Record(outcome: "throttled", billedMs: 0, time: "2026-11-30T23:59:59.999-00:30")]);

        var november = await server.A.UsageAsync(November);
        var december = await server.A.UsageAsync(December);

        var rows = november["functions"]!.AsArray().Select(f => (string)f!["function"]! + "/" + (string)f["version"]! + "/" + (string)f["style"]!);
        Assert.Equal(["hello/1/lambda-edge", "hello/2/lambda-edge", "rewrite/$LATEST/cloudfront-functions"], rows);
        var hello1 = november["functions"]![0]!;
        Assert.Equal(3, (long)hello1["requests"]!);
        Assert.Equal(1, (long)hello1["errors"]!);
        Assert.Equal(0, (long)hello1["throttled"]!);
        Assert.Equal(120, (long)hello1["billedDurationMs"]!);
        // 13 × 128 + 7 × 128 + 100 × 1024 = 104,960 MB·ms = 0.1025 GB-s.
        Assert.Equal(0.1025m, Decimal(hello1["gbSeconds"]));
        Assert.Equal(5, (long)november["totals"]!["requests"]!);
        Assert.Equal(0, (long)november["totals"]!["throttled"]!);
        // December: the 50 ms record, and the throttled one (23:59:59.999 at -00:30 is 00:29 UTC on 1 December).
        var hello = Assert.Single(december["functions"]!.AsArray())!;
        Assert.Equal(1, (long)hello["requests"]!);
        Assert.Equal(1, (long)hello["throttled"]!);
        Assert.Equal(0.00625m, Decimal(hello["gbSeconds"]));
        Assert.Equal(RegistryServer.AccountA, (string?)december["account"]);
        Assert.Equal(December, (string?)december["month"]);
    }

    [Fact]
    public async Task Invoice_SmallMonth_ExactValuesWithinTheFreeTier()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.Node.ReportOkAsync("edge-1:1", [.. Times(3, () => Record(billedMs: 13)), Record(style: "cloudfront-functions", billedMs: 1),
            Record(outcome: "throttled", billedMs: 0)]);

        var invoice = await server.A.InvoiceAsync();

        Assert.Equal("USD", (string?)invoice["currency"]);
        var lines = invoice["lines"]!.AsArray();
        Assert.Equal(3, lines.Count);
        Assert.Equal(3m, Decimal(lines[0]!["quantity"]));
        Assert.Equal(3m, Decimal(lines[0]!["free"]));
        Assert.Equal(0.0000006m, Decimal(lines[0]!["unitPrice"]));
        // 3 × 13 ms × 128 MB = 4,992 MB·ms = 0.004875 GB-s.
        Assert.Equal(0.004875m, Decimal(lines[1]!["quantity"]));
        Assert.Equal("GB-second", (string?)lines[1]!["unit"]);
        Assert.Equal(0.00005001m, Decimal(lines[1]!["unitPrice"]));
        Assert.Equal(1m, Decimal(lines[2]!["quantity"]));
        Assert.All(lines, l => Assert.Equal(0m, Decimal(l!["amount"])));
        Assert.Equal(0m, Decimal(invoice["total"]));
        Assert.Equal(0m, Decimal(invoice["totalRounded"]));
    }

    [Fact]
    public async Task Invoice_ConfiguredWithoutFreeTier_ExactAmountsAndTotal()
    {
        await using var server = await RegistryServer.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Billing:FreeRequests"] = "0",
            ["Billing:FreeGbSeconds"] = "0",
            ["Billing:LambdaEdgePerMillionRequests"] = "0.6",
        });
        // 2 × 1000 ms × 1024 MB = 2 GB-s; 3 CloudFront Functions invocations.
        await server.Node.ReportOkAsync("edge-1:1", [.. Times(2, () => Record(billedMs: 1000, memoryMb: 1024)),
            .. Times(3, () => Record(function: "cf", style: "cloudfront-functions", billedMs: 1))]);

        var invoice = await server.A.InvoiceAsync();

        var amounts = invoice["lines"]!.AsArray().Select(l => Decimal(l!["amount"])).ToList();
        // 2 × 0.0000006 = 0.0000012; 2 × 0.00005001 = 0.00010002; 3 × 0.0000001 = 0.0000003.
        Assert.Equal([0.0000012m, 0.00010002m, 0.0000003m], amounts);
        Assert.Equal(0.00010152m, Decimal(invoice["total"]));
        Assert.Equal(0m, Decimal(invoice["totalRounded"]));
    }

    [Fact]
    public async Task UsageAndInvoice_OtherAccountsUsage_NeverShown()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.Node.ReportOkAsync("edge-1:1", [.. Times(5, () => Record()), Record(account: RegistryServer.AccountC, function: "c-only")]);

        var usageB = await server.B.UsageAsync();
        var invoiceB = await server.B.InvoiceAsync();
        var usageC = await server.C.UsageAsync();

        Assert.Equal(RegistryServer.AccountB, (string?)usageB["account"]);
        Assert.Empty(usageB["functions"]!.AsArray());
        Assert.Equal(0, (long)usageB["totals"]!["requests"]!);
        Assert.All(invoiceB["lines"]!.AsArray(), l => Assert.Equal(0m, Decimal(l!["quantity"])));
        Assert.Equal("c-only", (string?)Assert.Single(usageC["functions"]!.AsArray())!["function"]);
        Assert.Equal(5, (long)(await server.A.UsageAsync())["totals"]!["requests"]!);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("2026-11-01")]
    [InlineData("november")]
    [InlineData("")]
    public async Task UsageAndInvoice_BadMonth_400(string month)
    {
        await using var server = await RegistryServer.StartAsync();

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.A.GetAsync($"billing/usage?month={month}"));
        await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue", server.A.GetAsync($"billing/invoice?month={month}"));

        Assert.Contains("yyyy-MM", (string?)problem["detail"]);
    }

    [Fact]
    public async Task Usage_WithoutMonth_TheCurrentUtcMonth()
    {
        await using var server = await RegistryServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        await server.Node.ReportOkAsync("edge-1:now", [Record(time: now.ToString("O", System.Globalization.CultureInfo.InvariantCulture))]);

        var usage = await server.A.OkAsync(server.A.GetAsync("billing/usage"));
        var invoice = await server.A.OkAsync(server.A.GetAsync("billing/invoice"));

        Assert.Equal(now.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), (string?)usage["month"]);
        Assert.Equal((string?)usage["month"], (string?)invoice["month"]);
        Assert.Single(usage["functions"]!.AsArray());
    }

    [Fact]
    public async Task Billing_WithoutAnAccountKey_401()
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", server.Client(null).GetAsync("billing/usage"));
        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", server.Node.GetAsync("billing/invoice"));
        await RegistryClient.ProblemAsync(HttpStatusCode.NotFound, "ResourceNotFound", server.A.GetAsync("billing/nothing"));
    }

    [Fact]
    public async Task Usage_AfterARestart_StillThere_AndTheBatchStillADuplicate()
    {
        await using var first = await RegistryServer.StartAsync();
        await first.Node.ReportOkAsync("edge-1:kept", [Record(), Record()]);
        await first.StopAsync();

        await using var second = await RegistryServer.StartAsync(first.DataDirectory);
        var usage = await second.A.UsageAsync();
        var again = await second.Node.ReportOkAsync("edge-1:kept", [Record(), Record()]);

        Assert.Equal(2, (long)usage["totals"]!["requests"]!);
        Assert.True((bool)again["duplicate"]!);
        Assert.Equal(2, (long)(await second.A.UsageAsync())["totals"]!["requests"]!);
    }

    [Fact]
    public async Task Usage_RegistryAndBillingShareTheFile_BothWork()
    {
        await using var server = await RegistryServer.StartAsync();
        // Billing opens the file first here; the registry must still migrate and seed it afterwards.
        await server.Node.ReportOkAsync("edge-1:first", [Record()]);

        await server.A.CreateFunctionAsync("hello");

        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "registry.db")));
        Assert.Single((await server.A.UsageAsync())["functions"]!.AsArray());
    }
}
