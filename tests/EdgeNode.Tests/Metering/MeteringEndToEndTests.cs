using System.Net;
using System.Text.Json;
using EdgeCompute.EdgeNode.Metering;
using EdgeCompute.EdgeNode.Tests.Common;
using EdgeCompute.EdgeNode.Tests.Regional;
using TestRegistry = EdgeCompute.EdgeNode.Tests.Regional.TestRegistry;

namespace EdgeCompute.EdgeNode.Tests.Metering;

/// <summary>
/// Metering through the real node: every invocation becomes one record, on disk before the answer
/// arrives (standalone, <c>Metering:Enabled</c>), and reported to the regional origin in regional mode.
/// </summary>
public sealed class MeteringEndToEndTests : IDisposable
{
    private const string Folder = "111111111111.hello.3";

    private readonly string _data = Directory.CreateTempSubdirectory("edge-metering-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The records in a standalone node's spool (<c>data/usage</c> next to edge.json), open segment included.</summary>
    private static List<JsonElement> Spooled(EdgeTestEnvironment env)
    {
        var directory = Path.Combine(env.Root, "data", "usage");
        return Directory.GetFiles(directory).Where(f => !f.EndsWith(SpoolSegment.RejectedExtension, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();
    }

    private static string Text(JsonElement record, string name) => record.GetProperty(name).GetString()!;

    private static void AssertBilledAtOneMs(JsonElement record)
    {
        var duration = record.GetProperty("durationMs").GetDouble();
        var billed = record.GetProperty("billedDurationMs").GetInt64();
        Assert.True(billed >= 1 && billed >= Math.Floor(duration) && billed <= Math.Ceiling(duration) + 1,
            $"billed {billed} ms for {duration} ms");
    }

    [Fact]
    public async Task Regional_RequestsWithAFunction_OneRecordEachReportedWithTheFunctionsIdentity()
    {
        await using var registry = await TestRegistry.StartAsync();
        await using var env = await new EdgeTestEnvironment()
            .WithRegional(registry.Url, _data, TestRegistry.NodeKey, nodeId: "edge-m1")
            .WithMetering("""{ "SegmentSeconds": 0.2 }""")
            .StartAsync();
        var before = DateTimeOffset.UtcNow;
        registry.Publish(new TestSnapshot(env.Origin.Port)
            .Function(Folder, registry.AddBundle(TestZip.Create([("index.js", "exports.handler = async () => ({ status: '200', body: 'hi' });")])),
                settings: """{ "runtime": "nodejs20.x", "memorySize": 128, "identity": { "account": "111111111111", "name": "hello", "version": "3" } }""")
            .Bind("*", Folder)
            .ToJson());
        await env.GetUntilAsync("/", (_, body) => body == "hi");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await env.Client.GetAsync("/n/" + i)).StatusCode);
        }

        // The request that saw the snapshot arrive was an invocation too.
        await Wait.UntilAsync(() => registry.Usage.Records.Count == 6, "6 records reported", env.Logs);
        await Wait.UntilAsync(() => Directory.GetFiles(Path.Combine(_data, "usage")).Length == 0, "the spool is empty", env.Logs);
        Assert.All(registry.Usage.Records, record =>
        {
            Assert.Equal("111111111111", Text(record, "account"));
            Assert.Equal("hello", Text(record, "function"));
            Assert.Equal("3", Text(record, "version"));
            Assert.Equal("viewer-request", Text(record, "event"));
            Assert.Equal("lambda-edge", Text(record, "style"));
            Assert.Equal("v8", Text(record, "engine"));
            Assert.Equal("ok", Text(record, "outcome"));
            Assert.Equal(128, record.GetProperty("memoryMb").GetInt32());
            AssertBilledAtOneMs(record);
            var time = DateTimeOffset.Parse(Text(record, "time"), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(time, before.AddSeconds(-1), DateTimeOffset.UtcNow);
            Assert.EndsWith("Z", Text(record, "time"));
        });
        Assert.All(registry.Usage.Requests, r => Assert.StartsWith("edge-m1:", r.BatchId));
    }

    [Fact]
    public async Task Regional_NodeRestarted_ReportsThePreviousProcesssSegments()
    {
        await using var registry = await TestRegistry.StartAsync();
        for (var i = 0; i < 10_000; i++)
        {
            registry.Usage.ScriptedStatuses.Enqueue(503);
        }
        var snapshot = (int originPort) => new TestSnapshot(originPort)
            .Function(Folder, registry.AddBundle(TestZip.Create([("index.js", "exports.handler = async () => ({ status: '200', body: 'hi' });")])))
            .Bind("*", Folder)
            .ToJson();
        var first = await new EdgeTestEnvironment().WithRegional(registry.Url, _data, TestRegistry.NodeKey).StartAsync();
        await using (first)
        {
            registry.Publish(snapshot(first.Origin.Port));
            await first.GetUntilAsync("/", (_, body) => body == "hi");
            await first.Client.GetAsync("/again");
            await first.Logs.WaitForAsync("not reported: the regional origin answered 503");
        }
        Assert.Empty(registry.Usage.Records);

        registry.Usage.ScriptedStatuses.Clear();
        await using var second = await new EdgeTestEnvironment().WithRegional(registry.Url, _data, TestRegistry.NodeKey).StartAsync();

        await Wait.UntilAsync(() => registry.Usage.Records.Count == 2, "the first process's 2 records reported", second.Logs);
        await Wait.UntilAsync(() => Directory.GetFiles(Path.Combine(_data, "usage")).Length == 0, "the spool is empty", second.Logs);
    }

    [Fact]
    public async Task Standalone_Invocations_OnDiskWhenAnsweredWithOutcomes()
    {
        await using var env = await new EdgeTestEnvironment()
            .Function("ok", "exports.handler = async (e) => e.Records[0].cf.request;")
            .Function("throws", "exports.handler = async () => { throw new Error('boom'); };")
            .Function("invalid", "exports.handler = async () => ({ status: '999' });")
            .Function("cff", "function handler(event) { event.request.uri = '/status/200'; return event.request; }", """{ "runtime": "cloudfront-js-2.0" }""")
            .Bind("/throws", viewerRequest: "throws")
            .Bind("/invalid", viewerRequest: "invalid")
            .Bind("/cff", viewerRequest: "cff")
            .Bind("*", viewerRequest: "ok", viewerResponse: "ok")
            .WithMetering("""{ "Enabled": true, "GranularityMs": 100 }""")
            .StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await env.Client.GetAsync("/status/200")).StatusCode);
        Assert.Equal(2, Spooled(env).Count);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await env.Client.GetAsync("/throws")).StatusCode);
        Assert.Equal(3, Spooled(env).Count);
        Assert.Equal(HttpStatusCode.BadGateway, (await env.Client.GetAsync("/invalid")).StatusCode);
        Assert.Equal(4, Spooled(env).Count);
        Assert.Equal(HttpStatusCode.OK, (await env.Client.GetAsync("/cff")).StatusCode);

        var records = Spooled(env);
        Assert.Equal(
            [("ok", "viewer-request", "ok"), ("ok", "viewer-response", "ok"), ("throws", "viewer-request", "error"),
             ("invalid", "viewer-request", "invalid"), ("cff", "viewer-request", "ok")],
            records.Select(r => (Text(r, "function"), Text(r, "event"), Text(r, "outcome"))));
        Assert.All(records, r => Assert.Equal(FunctionStandalone, (Text(r, "account"), Text(r, "version"))));
        // Errors and invalid results are billed: the code ran. 100 ms granularity.
        Assert.All(records, r => Assert.Equal(0, r.GetProperty("billedDurationMs").GetInt64() % 100));
        Assert.All(records, r => Assert.True(r.GetProperty("billedDurationMs").GetInt64() >= 100));
        Assert.Equal(["lambda-edge", "lambda-edge", "lambda-edge", "lambda-edge", "cloudfront-functions"], records.Select(r => Text(r, "style")));
        Assert.Equal(128, records[0].GetProperty("memoryMb").GetInt32());
        // The REPORT lines bill by the same rule.
        var reported = env.Logs.Containing("REPORT RequestId", LogCapture.FunctionLogs)
            .Select(e => long.Parse(System.Text.RegularExpressions.Regex.Match(e.Message, @"Billed Duration: (\d+) ms").Groups[1].Value));
        Assert.Equal(records.Select(r => r.GetProperty("billedDurationMs").GetInt64()).Order(), reported.Order());
    }

    private static readonly (string, string) FunctionStandalone = ("000000000000", "$LATEST");

    [Fact]
    public async Task Standalone_Throttled_RecordedUnbilled()
    {
        // One isolate at most, held until the timeout by each request: of requests sent together, one
        // runs (and times out) and the others are throttled.
        await using var env = await new EdgeTestEnvironment("jint")
            .Function("single", "exports.handler = async () => { while (true) {} };", """{ "timeout": 1, "maxConcurrency": 1 }""")
            .Bind("*", viewerRequest: "single")
            .WithMetering("""{ "Enabled": true }""")
            .StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => env.Client.GetAsync("/")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        var records = Spooled(env);
        Assert.Equal(4, records.Count);
        Assert.All(records, r => Assert.Equal("jint", Text(r, "engine")));
        var throttled = records.Where(r => Text(r, "outcome") == "throttled").ToList();
        Assert.NotEmpty(throttled);
        Assert.All(throttled, r => Assert.Equal(0, r.GetProperty("billedDurationMs").GetInt64()));
        Assert.All(throttled, r => Assert.Equal(0, r.GetProperty("durationMs").GetDouble()));
        var timedOut = records.Where(r => Text(r, "outcome") == "timeout").ToList();
        Assert.NotEmpty(timedOut);
        Assert.All(timedOut, r => Assert.True(r.GetProperty("billedDurationMs").GetInt64() >= 1000));
        Assert.Equal(records.Count, throttled.Count + timedOut.Count);
    }

    [Fact]
    public async Task Standalone_MeteringOff_NothingSpooled()
    {
        await using var env = await new EdgeTestEnvironment()
            .Function("ok", "exports.handler = async (e) => e.Records[0].cf.request;")
            .Bind("*", viewerRequest: "ok")
            .StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await env.Client.GetAsync("/status/200")).StatusCode);

        Assert.False(Directory.Exists(Path.Combine(env.Root, "data", "usage")));
    }
}
