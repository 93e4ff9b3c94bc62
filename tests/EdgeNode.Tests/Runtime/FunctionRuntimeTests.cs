using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>The isolate pool's lifetimes, on the runtime itself with an injected clock.</summary>
public sealed class FunctionRuntimeTests
{
    [Fact]
    public async Task TrimIdle_IsolateIdlePastTimeout_IsDisposedAndNextInvocationStartsCold()
    {
        var clock = new ManualClock();
        var logs = new ListSink();
        using var runtime = new FunctionRuntime(logs, Options.Create(new FunctionRuntimeOptions
        {
            NodeId = "test",
            IsolateIdleTimeout = TimeSpan.FromMinutes(5),
        }), clock);
        var function = Function("let n = 0; exports.handler = async (e) => { n++; return { status: '200', body: String(n) }; };");

        using (var first = await runtime.InvokeAsync(function, Input()))
        {
            Assert.Equal("1", first.Result.GetProperty("body").GetString());
        }
        Assert.Equal((1, 1), runtime.PoolSizes[function.VersionKey]);

        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(0, runtime.TrimIdle());
        using (var warm = await runtime.InvokeAsync(function, Input()))
        {
            Assert.Equal("2", warm.Result.GetProperty("body").GetString());
        }

        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, runtime.TrimIdle());
        Assert.Equal((0, 0), runtime.PoolSizes[function.VersionKey]);
        using (var cold = await runtime.InvokeAsync(function, Input()))
        {
            // A new isolate: module scope starts over, and the REPORT line has an Init Duration again.
            Assert.Equal("1", cold.Result.GetProperty("body").GetString());
        }
        Assert.Equal(2, logs.Lines.Count(l => l.StartsWith("REPORT", StringComparison.Ordinal) && l.Contains("Init Duration", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RetireExcept_VersionGone_InFlightRequestsGetThrowawayIsolates()
    {
        using var runtime = new FunctionRuntime(new ListSink(), Options.Create(new FunctionRuntimeOptions { NodeId = "test" }), TimeProvider.System);
        var old = Function("exports.handler = async () => ({ status: '200', body: 'old' });", key: "f:old");
        var current = Function("exports.handler = async () => ({ status: '200', body: 'new' });", key: "f:new");

        (await runtime.InvokeAsync(old, Input())).Dispose();
        runtime.RetireExcept([current.VersionKey]);
        using var late = await runtime.InvokeAsync(old, Input());

        Assert.Equal("old", late.Result.GetProperty("body").GetString());
        Assert.False(runtime.PoolSizes.ContainsKey(old.VersionKey));
    }

    private static FunctionModel Function(string source, string key = "f:1") => new()
    {
        Name = "f",
        Files = new Dictionary<string, string> { ["index.js"] = source },
        HandlerModule = "index.js",
        HandlerExport = "handler",
        VersionKey = key,
    };

    private static FunctionEventInput Input() => new()
    {
        EventType = EdgeEventType.ViewerRequest,
        RequestId = "req",
        DistributionId = "EDFDVBD6EXAMPLE",
        DistributionDomainName = "d111111abcdef8.cloudfront.net",
        ClientIp = "203.0.113.1",
        Method = "GET",
        Uri = "/",
        QueryString = "",
        RequestHeaders = "Host\0example.org\0",
    };

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    [Fact]
    public async Task Invoke_SinkTakesNoReportLines_NoneIsBuiltButConsoleLinesStillGo()
    {
        var logs = new ListSink { TakesReports = false };
        using var runtime = new FunctionRuntime(logs, Options.Create(new FunctionRuntimeOptions { NodeId = "test" }), TimeProvider.System);
        var function = Function("exports.handler = async () => { console.log('hello'); return { status: '200' }; };");

        (await runtime.InvokeAsync(function, Input())).Dispose();

        Assert.Equal(["hello"], logs.Lines);
    }

    private sealed class ListSink : IFunctionLogSink
    {
        public List<string> Lines { get; } = [];

        public bool TakesReports { get; init; } = true;

        public bool IsEnabled(string level) => level != "REPORT" || TakesReports;

        public void Write(in FunctionLogRecord record)
        {
            lock (Lines)
            {
                Lines.Add(record.Message);
            }
        }
    }
}
