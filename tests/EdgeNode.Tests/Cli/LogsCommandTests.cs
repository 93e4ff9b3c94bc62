using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeCli.Logs;
using EdgeCompute.EdgeCli.Registry;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Cli;

/// <summary><c>edge logs</c>, the real program against the real regional origin, after two nodes shipped lines.</summary>
public sealed class LogsCommandTests : IAsyncLifetime
{
    private const string ApiKey = "logs-test-key", Since = "2026-11-28T00:00:00Z";

    private RealRegistry? _registry;

    public async Task InitializeAsync()
    {
        _registry = await RealRegistry.StartAsync(ApiKey);
        await ShipAsync("edge-2:1", "edge-2", Line("from edge-2", "2026-11-28T12:00:00.500Z", 1, "req-b"));
        await ShipAsync("edge-1:1", "edge-1",
            Line("hello from edge-1", "2026-11-28T12:00:00.123Z", 1, "req-a"),
            Line("REPORT RequestId: req-a Duration: 1.00 ms", "2026-11-28T12:00:00.124Z", 2, "req-a", "REPORT"),
            Line("other function", "2026-11-28T12:00:00.200Z", 3, "req-c", function: "other"));
    }

    [Fact]
    public async Task Logs_Json_TheFunctionsLinesFromBothNodesInOrder()
    {
        var output = await RunOkAsync("logs", "hello", "--since", Since, "--json");

        using var json = JsonDocument.Parse(output);
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["hello from edge-1", "REPORT RequestId: req-a Duration: 1.00 ms", "from edge-2"],
            items.Select(i => i.GetProperty("message").GetString()));
        Assert.Equal(["edge-1", "edge-1", "edge-2"], items.Select(i => i.GetProperty("nodeId").GetString()));
        Assert.Equal("2026-11-28T12:00:00.123Z", items[0].GetProperty("time").GetString());
        Assert.Equal("hello", items[0].GetProperty("function").GetString());
    }

    [Fact]
    public async Task Logs_Text_OneLinePerRecord()
    {
        var output = await RunOkAsync("logs", "hello", "--since", Since);

        Assert.Equal([
            "2026-11-28T12:00:00.123Z edge-1 req-a INFO hello from edge-1",
            "2026-11-28T12:00:00.124Z edge-1 req-a REPORT REPORT RequestId: req-a Duration: 1.00 ms",
            "2026-11-28T12:00:00.500Z edge-2 req-b INFO from edge-2",
        ], output.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task Logs_RequestIdAndContains_Filtered()
    {
        Assert.Contains("req-b INFO from edge-2", await RunOkAsync("logs", "hello", "--since", Since, "--request-id", "req-b"));
        Assert.DoesNotContain("edge-1", await RunOkAsync("logs", "hello", "--since", Since, "--request-id", "req-b"));
        Assert.Equal("", await RunOkAsync("logs", "hello", "--since", Since, "--contains", "nothing like this"));
    }

    [Fact]
    public async Task Logs_BadSince_UsageErrorExitTwo()
    {
        var (exit, output, error) = await RunAsync("logs", "hello", "--since", "yesterday");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("--since", error);
    }

    [Fact]
    public async Task Logs_WrongKey_RefusedExitOne()
    {
        var (exit, _, error) = await _registry!.RunAsync("logs", "hello", "--url", _registry.Url, "--key", "not-a-key");

        Assert.Equal(1, exit);
        Assert.Contains("401", error);
    }

    [Fact]
    public async Task Follow_NewLinesPrintedOnce_UntilCancelled()
    {
        var stdout = new StringWriter();
        var synchronized = TextWriter.Synchronized(stdout);
        using var http = RegistryOptions.NewHttpClient();
        var context = new RegistryContext(new RegistryClient(http, new Uri(_registry!.Url + "/"), ApiKey),
            new CommandOutput("edge logs", json: false, synchronized, TextWriter.Null));
        var tail = new LogTail(context, synchronized, json: false, TimeProvider.System)
        {
            Filters = new Dictionary<string, string?> { ["function"] = "hello", ["since"] = Since },
        };
        using var stop = new CancellationTokenSource();

        var running = tail.RunAsync(follow: true, stop.Token);
        await Until(() => Lines(stdout, synchronized).Count == 3);
        await ShipAsync("edge-1:2", "edge-1", Line("arrived later", "2026-11-28T12:00:01Z", 4, "req-d"));
        await Until(() => Lines(stdout, synchronized).Count == 4);
        await stop.CancelAsync();

        Assert.Equal(0, await running);
        var lines = Lines(stdout, synchronized);
        Assert.Equal(4, lines.Count);
        Assert.EndsWith("arrived later", lines[3]);
        Assert.Equal(lines.Count, lines.Distinct().Count());
    }

    // TextWriter.Synchronized locks the wrapper itself for each write: reading under the same lock sees whole lines.
    private static List<string> Lines(StringWriter writer, TextWriter synchronized)
    {
        lock (synchronized)
        {
            return writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static JsonObject Line(string message, string time, long sequence, string requestId, string level = "INFO", string function = "hello") => new()
    {
        ["time"] = time, ["sequence"] = sequence, ["requestId"] = requestId, ["account"] = RealRegistry.AccountId, ["function"] = function,
        ["version"] = "1", ["event"] = "viewer-request", ["level"] = level, ["message"] = message,
    };

    private async Task ShipAsync(string batchId, string nodeId, params JsonObject[] records)
    {
        var batch = new JsonObject { ["batchId"] = batchId, ["nodeId"] = nodeId, ["records"] = new JsonArray(records.Select(r => (JsonNode)r).ToArray()) };
        await _registry!.PostAsNodeAsync("v1/edge/logs", batch.ToJsonString());
    }

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
