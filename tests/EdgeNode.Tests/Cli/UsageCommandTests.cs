using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Cli;

/// <summary><c>edge usage</c>, the real program against the real registry with billing, after a node reported usage.</summary>
public sealed class UsageCommandTests : IAsyncLifetime
{
    private const string ApiKey = "usage-test-key", Account = RealRegistry.AccountId;

    private RealRegistry? _registry;

    public async Task InitializeAsync()
    {
        _registry = await RealRegistry.StartAsync(ApiKey);
        await ReportAsync();
    }

    [Fact]
    public async Task Usage_Json_TheInvoiceAndUsageOfTheMonth()
    {
        var output = await RunOkAsync("usage", "--month", "2026-11", "--json");

        using var json = JsonDocument.Parse(output);
        var invoice = json.RootElement.GetProperty("invoice");
        var usage = json.RootElement.GetProperty("usage");
        Assert.Equal("2026-11", invoice.GetProperty("month").GetString());
        Assert.Equal(3, invoice.GetProperty("lines").GetArrayLength());
        Assert.Equal(0m, invoice.GetProperty("total").GetDecimal());
        var hello = Assert.Single(usage.GetProperty("functions").EnumerateArray());
        Assert.Equal(2, hello.GetProperty("requests").GetInt64());
        Assert.Equal(1, hello.GetProperty("throttled").GetInt64());
        // (13 + 7) ms × 128 MB = 2,560 MB·ms = 0.0025 GB-s.
        Assert.Equal(0.0025m, hello.GetProperty("gbSeconds").GetDecimal());
    }

    [Fact]
    public async Task Usage_Text_InvoiceLinesTotalAndFunctionTable()
    {
        var output = await RunOkAsync("usage", "--month", "2026-11");

        Assert.Contains($"invoice for account {Account}, 2026-11 (USD)", output);
        Assert.Matches(@"(?m)^ITEM\s+QUANTITY\s+UNIT\s+FREE\s+BILLABLE\s+UNIT PRICE\s+AMOUNT$", output);
        Assert.Matches(@"(?m)^Lambda@Edge requests \(\$0\.60 per 1M\)\s+2\s+request\s+2\s+0\s+0\.0000006\s+0$", output);
        Assert.Matches(@"(?m)^Lambda@Edge duration \(\$0\.00005001 per GB-second\)\s+0\.0025\s+GB-second\s+0\.0025\s+0\s+0\.00005001\s+0$", output);
        Assert.Contains("total 0.00 USD (exact 0)", output);
        Assert.Matches(@"(?m)^hello\s+1\s+lambda-edge\s+2\s+1\s+1\s+20\s+0\.0025$", output);
        Assert.Contains("total 2 requests, 1 throttled, 1 errors, 0.0025 GB-seconds", output);
    }

    [Fact]
    public async Task Usage_AnotherMonth_NoUsage()
    {
        var output = await RunOkAsync("usage", "--month", "2026-10");

        Assert.Contains("no usage recorded", output);
    }

    [Fact]
    public async Task Usage_BadMonth_RegistrysDetailAndExitOne()
    {
        var (exit, output, error) = await RunAsync("usage", "--month", "2026-13");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("yyyy-MM", error);
        Assert.Contains("InvalidParameterValue", error);
    }

    private async Task ReportAsync()
    {
        var batch = new
        {
            batchId = "edge-1:cli",
            nodeId = "edge-1",
            records = new[]
            {
                Record("ok", 13), Record("error", 7), Record("throttled", 0),
            },
        };
        await _registry!.PostAsNodeAsync("v1/edge/usage", JsonSerializer.Serialize(batch));
    }

    private static object Record(string outcome, long billedMs) => new
    {
        account = Account, function = "hello", version = "1", @event = "viewer-request", style = "lambda-edge", engine = "v8",
        outcome, durationMs = (double)billedMs, billedDurationMs = billedMs, memoryMb = 128, time = "2026-11-28T12:00:00.123Z",
    };

    private Task<string> RunOkAsync(params string[] args) => _registry!.RunOkAsync(_registry.WithKey(ApiKey, args));

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => _registry!.RunAsync(_registry.WithKey(ApiKey, args));

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
    }
}
