using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EdgeCompute.EdgeNode.Tests.Common;
using Xunit.Abstractions;

namespace EdgeCompute.EdgeNode.Tests.Metering;

/// <summary>
/// Issue 6's fault test: known invocations through two edge node processes while the regional origin
/// is stopped and started again and one node is SIGKILLed and restarted; the invoice then counts every
/// invocation once, with the exact sum of the billed durations the nodes reported in their REPORT lines.
/// </summary>
public sealed partial class UsageFaultTests : IDisposable
{
    private const string MeteredPath = "/metered";
    private readonly string _root = Directory.CreateTempSubdirectory("edge-usage-fault-").FullName;
    private readonly ITestOutputHelper _output;

    public UsageFaultTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    // The node log writes JSON lines by default: a tab in the REPORT text is the escape \t there.
    [GeneratedRegex(@"REPORT RequestId: [^\s\\]+(?:\s+|\\t)Duration: [0-9.]+ ms(?:\s+|\\t)Billed Duration: (\d+) ms")]
    private static partial Regex ReportLine();

    [Fact]
    public async Task Load_RegionalRestartedAndNodeKilled_InvoiceCountsEveryInvocationExactlyOnce()
    {
        await using var regional = await TestRegionalOrigin.StartAsync(Path.Combine(_root, "regional"));
        await DeployAsync(regional);
        await using var nodeA = EdgeNodeProcess.Start(WriteNodeConfig(regional, "node-a"));
        await using var nodeB = EdgeNodeProcess.Start(WriteNodeConfig(regional, "node-b"));
        await WaitServingAsync(nodeA);
        await WaitServingAsync(nodeB);
        var sent = new Dictionary<EdgeNodeProcess, int> { [nodeA] = 0, [nodeB] = 0 };

        async Task LoadAsync(EdgeNodeProcess node, int count)
        {
            for (var i = 0; i < count; i++)
            {
                using var response = await node.Client.GetAsync(MeteredPath);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("metered", await response.Content.ReadAsStringAsync());
                lock (sent)
                {
                    sent[node]++;
                }
            }
        }

        await Task.WhenAll(LoadAsync(nodeA, 150), LoadAsync(nodeB, 150));

        // The regional origin goes away: the nodes keep serving, and keep their usage on disk.
        await regional.StopAsync();
        await Task.WhenAll(LoadAsync(nodeA, 150), LoadAsync(nodeB, 150));

        // Node A dies without a chance to report or flush anything. Its REPORT lines are all out first:
        // they are the independent record of what it ran.
        await WaitForReportsAsync(nodeA, sent[nodeA]);
        await nodeA.KillAsync();
        await LoadAsync(nodeB, 100);

        // Node A comes back while the regional origin is still down: it serves from its snapshot on disk.
        nodeA.StartAgain();
        await WaitServingAsync(nodeA);
        await Task.WhenAll(LoadAsync(nodeA, 150), LoadAsync(nodeB, 150));

        // The regional origin comes back: everything spooled meanwhile arrives.
        await regional.StartAgainAsync();
        await Task.WhenAll(LoadAsync(nodeA, 100), LoadAsync(nodeB, 100));

        var expectedRequests = sent[nodeA] + sent[nodeB];
        await WaitForReportsAsync(nodeA, sent[nodeA]);
        await WaitForReportsAsync(nodeB, sent[nodeB]);
        var expectedBilledMs = BilledDurations(nodeA).Sum() + BilledDurations(nodeB).Sum();

        var usage = await WaitForUsageAsync(regional, expectedRequests);
        // Nothing still on its way could add to it: both spools are empty.
        await WaitForEmptySpoolAsync("node-a");
        await WaitForEmptySpoolAsync("node-b");
        usage = await UsageAsync(regional);
        _output.WriteLine($"{expectedRequests} invocations, {expectedBilledMs} billed ms; usage: {usage}");

        var totals = usage.GetProperty("totals");
        Assert.Equal(expectedRequests, totals.GetProperty("requests").GetInt64());
        Assert.Equal(expectedBilledMs, totals.GetProperty("billedDurationMs").GetInt64());
        var invoice = JsonElement.Parse(await regional.Api.GetStringAsync($"billing/invoice?month={Month}"));
        var requestsLine = invoice.GetProperty("lines").EnumerateArray()
            .Single(line => line.GetProperty("unit").GetString() == "request");
        Assert.Equal(expectedRequests, requestsLine.GetProperty("quantity").GetDecimal());
    }

    private static string Month => DateTime.UtcNow.ToString("yyyy-MM");

    private static async Task DeployAsync(TestRegionalOrigin regional)
    {
        (await regional.Api.PostAsJsonAsync("v1/functions", new { name = "metered", runtime = "nodejs20.x", handler = "index.handler" }))
            .EnsureSuccessStatusCode();
        var zip = TestZip.Create(("index.js", "exports.handler = async () => ({ status: '200', body: 'metered' });"));
        using var code = new ByteArrayContent(zip);
        code.Headers.ContentType = new("application/zip");
        (await regional.Api.PutAsync("v1/functions/metered/code", code)).EnsureSuccessStatusCode();
        (await regional.Api.PostAsJsonAsync("v1/functions/metered/versions", new { })).EnsureSuccessStatusCode();
        using var distribution = new StringContent("""
            {
              "id": "EUSAGEFAULT",
              "aliases": ["127.0.0.1"],
              "origins": [{ "id": "none", "domainName": "127.0.0.1", "port": 9, "protocol": "http" }],
              "cacheBehaviors": [
                { "pathPattern": "/metered", "originId": "none",
                  "functions": { "viewer-request": { "name": "metered", "qualifier": "1" } } },
                { "pathPattern": "*", "originId": "none" }
              ]
            }
            """, System.Text.Encoding.UTF8, "application/json");
        (await regional.Api.PutAsync("v1/distributions/EUSAGEFAULT", distribution)).EnsureSuccessStatusCode();
    }

    private string WriteNodeConfig(TestRegionalOrigin regional, string name)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "edge.json");
        File.WriteAllText(file, $$"""
            {
              "Runtime": { "NodeId": "{{name}}" },
              "Regional": { "Url": "{{regional.Url}}", "NodeKey": "{{TestRegionalOrigin.NodeKey}}", "DataDirectory": "data",
                            "MinRetryDelay": "00:00:00.100", "MaxRetryDelay": "00:00:00.500" },
              "Metering": { "SegmentSeconds": 1 },
              "Logging": { "LogLevel": { "Default": "Warning", "EdgeCompute.FunctionLogs": "Information" },
                           "Console": { "FormatterName": "simple", "FormatterOptions": { "SingleLine": true } } },
              "distributions": []
            }
            """);
        return file;
    }

    /// <summary>
    /// Until the node serves the distribution: a path bound to no function (so that waiting invokes
    /// nothing) answers with anything but the 403 of a node that has no distribution yet.
    /// </summary>
    private static Task WaitServingAsync(EdgeNodeProcess node) =>
        node.GetUntilAsync("/not-metered", (status, _) => status != HttpStatusCode.Forbidden);

    private static IEnumerable<long> BilledDurations(EdgeNodeProcess node) =>
        node.Lines.Select(line => ReportLine().Match(line)).Where(m => m.Success).Select(m => long.Parse(m.Groups[1].Value));

    private static async Task WaitForReportsAsync(EdgeNodeProcess node, int count)
    {
        for (var i = 0; i < 300 && BilledDurations(node).Count() < count; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(count, BilledDurations(node).Count());
    }

    private static async Task<JsonElement> UsageAsync(TestRegionalOrigin regional) =>
        JsonElement.Parse(await regional.Api.GetStringAsync($"billing/usage?month={Month}"));

    private static async Task<JsonElement> WaitForUsageAsync(TestRegionalOrigin regional, long requests)
    {
        var usage = await UsageAsync(regional);
        for (var i = 0; i < 600 && usage.GetProperty("totals").GetProperty("requests").GetInt64() < requests; i++)
        {
            await Task.Delay(100);
            usage = await UsageAsync(regional);
        }
        return usage;
    }

    private async Task WaitForEmptySpoolAsync(string node)
    {
        var spool = Path.Combine(_root, node, "data", "usage");
        for (var i = 0; i < 300 && Directory.Exists(spool) && Directory.EnumerateFiles(spool, "*.ready").Any(); i++)
        {
            await Task.Delay(100);
        }
        Assert.False(Directory.Exists(spool) && Directory.EnumerateFiles(spool, "*.ready").Any(), $"{node}'s spool still holds sealed segments");
    }
}
