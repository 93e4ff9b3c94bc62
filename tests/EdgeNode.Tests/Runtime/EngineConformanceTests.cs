using System.Text.Json;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>
/// One fixture set run on both engines through the runtime itself: the outcome, the message, the
/// result the node reads and the log lines (without their timestamps) must be identical, and right.
/// </summary>
public sealed class EngineConformanceTests : IDisposable
{
    private readonly FunctionRuntime _runtime = new(new ListSink(), Options.Create(new FunctionRuntimeOptions { NodeId = "test" }), TimeProvider.System);

    /// <summary>Name → (files, event type, what the result must contain).</summary>
    public static TheoryData<string> Fixtures => [.. FixtureSet.Keys];

    private static readonly Dictionary<string, (Dictionary<string, string> Files, EdgeEventType Event, string Expected)> FixtureSet = new()
    {
        ["viewer-request rewrite"] = (Index("""
            exports.handler = async (event) => {
              const request = event.Records[0].cf.request;
              if (request.uri.endsWith('/')) request.uri += 'index.html';
              request.querystring = 'rewritten=1';
              return request;
            };
            """), EdgeEventType.ViewerRequest, "\"uri\":\"/docs/index.html\""),
        ["header add"] = (Index("""
            'use strict';
            exports.handler = (event, context, callback) => {
              const request = event.Records[0].cf.request;
              request.headers['x-seen-uri'] = [{ key: 'X-Seen-Uri', value: request.uri }];
              request.headers['x-no-key'] = [{ value: 'filled in' }];
              callback(null, request);
            };
            """), EdgeEventType.ViewerRequest, "X-No-Key\\u0000filled in"),
        ["generated response"] = (Index("""
            exports.handler = async (event) => ({
              status: 301, statusDescription: 'Moved Permanently',
              headers: { location: [{ key: 'Location', value: 'https://example.org' + event.Records[0].cf.request.uri }] },
              body: JSON.stringify(event.Records[0].cf.config),
            });
            """), EdgeEventType.ViewerRequest, "https://example.org/docs/"),
        ["viewer-response header"] = (Index("""
            exports.handler = async (event) => {
              const { response, request } = event.Records[0].cf;
              response.headers['strict-transport-security'] = [{ key: 'Strict-Transport-Security', value: 'max-age=63072000' }];
              response.statusDescription = response.status + ' ' + request.method;
              return response;
            };
            """), EdgeEventType.ViewerResponse, "max-age=63072000"),
        ["callback after a promise"] = (Index("""
            exports.handler = (event, context, callback) => {
              Promise.resolve().then(() => callback(null, { status: '200', body: 'callback ' + context.functionName + ' ' + context.memoryLimitInMB }));
            };
            """), EdgeEventType.ViewerRequest, "callback f 128"),
        ["async with awaits"] = (Index("""
            const later = (v) => new Promise((resolve) => resolve(v));
            exports.handler = async (event) => {
              const a = await later('async');
              const b = await Promise.all([later(1), later(2)]);
              return { status: '200', body: a + ' ' + b.join(',') };
            };
            """), EdgeEventType.ViewerRequest, "async 1,2"),
        ["callback and promise, first wins"] = (Index("""
            exports.handler = async (event, context, callback) => {
              callback(null, { status: '200', body: 'callback' });
              return { status: '200', body: 'promise' };
            };
            """), EdgeEventType.ViewerRequest, "\"body\":\"callback\""),
        ["thrown error"] = (Index("exports.handler = async () => { throw new TypeError('thrown on purpose'); };"),
            EdgeEventType.ViewerRequest, "TypeError: thrown on purpose"),
        ["callback with an error"] = (Index("exports.handler = (e, c, cb) => cb(new Error('called back'));"),
            EdgeEventType.ViewerRequest, "Error: called back"),
        ["promise that never settles"] = (Index("exports.handler = () => new Promise(() => {});"),
            EdgeEventType.ViewerRequest, "never settled"),
        ["module state kept"] = (Index("""
            let n = 0;
            exports.handler = async () => ({ status: '200', body: String(++n) });
            """), EdgeEventType.ViewerRequest, "\"body\":\"1\""),
        ["require own file and JSON"] = (new Dictionary<string, string>
        {
            ["index.js"] = """
                const util = require('./lib/util');
                const data = require('./data.json');
                exports.handler = async () => ({ status: '200', body: util.shout(data.greeting) + ' ' + (require('./lib/util.js') === util) });
                """,
            ["lib/util.js"] = "exports.shout = (s) => s.toUpperCase() + '!';",
            ["data.json"] = """{ "greeting": "hello" }""",
        }, EdgeEventType.ViewerRequest, "HELLO! true"),
        ["module not found"] = (Index("""
            exports.handler = async () => {
              try { require('fs'); return { status: '200' }; }
              catch (e) { return { status: '200', body: e.code + ' ' + e.message }; }
            };
            """), EdgeEventType.ViewerRequest, "MODULE_NOT_FOUND Cannot find module 'fs'"),
        ["console"] = (Index("""
            console.log('loading');
            exports.handler = async (event) => {
              console.log('uri is %s', event.Records[0].cf.request.uri, { n: 1 }, [1, 'a'], null, undefined);
              console.warn('%d items', 42);
              console.error(new Error('logged').message);
              return event.Records[0].cf.request;
            };
            """), EdgeEventType.ViewerRequest, "{}"),
        ["init error"] = (Index("throw new RangeError('init failed on purpose');"), EdgeEventType.ViewerRequest, "RangeError: init failed on purpose"),
        ["handler not exported"] = (Index("exports.other = () => {};"), EdgeEventType.ViewerRequest, "Runtime.HandlerNotFound: index.handler is undefined or not exported"),
        ["recursion caught"] = (Index("""
            exports.handler = async () => {
              const f = (n) => f(n + 1) + 1;
              try { f(0); } catch (e) { return { status: '200', body: e.name + ': ' + e.message }; }
            };
            """), EdgeEventType.ViewerRequest, "RangeError: Maximum call stack size exceeded"),
        ["non-object result"] = (Index("exports.handler = async () => 42;"), EdgeEventType.ViewerRequest, "42"),
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Fixture_BothEngines_SameResult(string fixture)
    {
        var (files, eventType, expected) = FixtureSet[fixture];

        var v8 = await RunAsync(FunctionEngines.V8, files, eventType);
        var jint = await RunAsync(FunctionEngines.Jint, files, eventType);

        Assert.Equal(v8.Summary, jint.Summary);
        Assert.Contains(expected, v8.Text);
    }

    [Fact]
    public async Task ModuleState_BothEngines_SurvivesBetweenInvocationsOfAWarmIsolate()
    {
        var files = FixtureSet["module state kept"].Files;
        foreach (var engine in FunctionEngines.All)
        {
            var function = Function(engine, files);
            var bodies = new List<string>();
            for (var i = 0; i < 3; i++)
            {
                using var result = await _runtime.InvokeAsync(function, Input(EdgeEventType.ViewerRequest, "/"));
                bodies.Add(result.Result.GetProperty("body").GetString()!);
            }
            Assert.Equal(["1", "2", "3"], bodies);
        }
    }

    [Theory]
    [InlineData("for (;;) {}", InvocationOutcome.Timeout)]
    [InlineData("await null; while (true) {}", InvocationOutcome.Timeout)]
    [InlineData("const a = []; for (;;) a.push(new Array(1e6).fill(1));", InvocationOutcome.MemoryLimit)]
    [InlineData("await null; const a = []; for (;;) { try { a.push(new Array(1e6).fill(1)); } catch (e) { } }", InvocationOutcome.MemoryLimit)]
    [InlineData("const a = []; for (let i = 0; ; i++) a.push({ i, s: 'k' + i });", InvocationOutcome.MemoryLimit)]
    public async Task Limit_BothEngines_SameOutcomeAndTheNextInvocationGetsAFreshIsolate(string misbehaviour, InvocationOutcome outcome)
    {
        var files = Index($$"""
            let n = 0;
            exports.handler = async (event) => {
              n++;
              if (event.Records[0].cf.request.uri === '/bad') { {{misbehaviour}} }
              return { status: '200', body: String(n) };
            };
            """);
        foreach (var engine in FunctionEngines.All)
        {
            // Memory bombs get the time to reach the limit on the slower engine.
            var function = Function(engine, files) with { Timeout = TimeSpan.FromSeconds(outcome == InvocationOutcome.Timeout ? 1 : 10) };
            using (var bad = await _runtime.InvokeAsync(function, Input(EdgeEventType.ViewerRequest, "/bad")))
            {
                Assert.Equal((engine, outcome), (engine, bad.Outcome));
            }
            using var after = await _runtime.InvokeAsync(function, Input(EdgeEventType.ViewerRequest, "/docs/"));
            Assert.Equal((engine, "1"), (engine, after.Result.GetProperty("body").GetString()));
        }
    }

    [Fact]
    public async Task SyntaxError_BothEngines_InitErrorNamesFileAndLine()
    {
        var files = new Dictionary<string, string>
        {
            ["index.js"] = "const lib = require('./lib');\nexports.handler = async () => lib;",
            ["lib.js"] = "module.exports = {\n  a: 1,,\n};",
        };
        foreach (var engine in FunctionEngines.All)
        {
            using var result = await _runtime.InvokeAsync(Function(engine, files), Input(EdgeEventType.ViewerRequest, "/"));

            Assert.Equal(InvocationOutcome.ExecutionError, result.Outcome);
            Assert.StartsWith("Runtime.UserCodeSyntaxError: lib.js: SyntaxError: Unexpected token ','", result.Message);
        }
    }

    [Theory]
    [InlineData("module.exports = {\n  a: 1,,\n};")]
    [InlineData("'use strict';\n\nexports.handler = async (event) => {\n  return event.Records[0].cf.request;;\n}};\n")]
    [InlineData("exports.handler = async () => {\n  const x = ;\n};")]
    public void SyntaxError_BothEngines_ConfigCheckReadsTheSameWithFileLineAndColumn(string source)
    {
        var files = new Dictionary<string, string> { ["lib.js"] = source };

        var v8 = Assert.Single(EdgeCompute.EdgeNode.Configuration.FunctionCodeChecker.Check(files, FunctionEngines.V8));
        var jint = Assert.Single(EdgeCompute.EdgeNode.Configuration.FunctionCodeChecker.Check(files, FunctionEngines.Jint));

        Assert.Equal(v8, jint);
        Assert.Matches(@"^SyntaxError: .+ \(lib\.js:\d+:\d+\)$", v8.Message);
    }

    [Fact]
    public async Task SameCode_TwoEngines_DoNotSharePools()
    {
        var files = FixtureSet["module state kept"].Files;
        var v8 = Function(FunctionEngines.V8, files);
        var jint = Function(FunctionEngines.Jint, files);

        (await _runtime.InvokeAsync(v8, Input(EdgeEventType.ViewerRequest, "/"))).Dispose();
        using var onJint = await _runtime.InvokeAsync(jint, Input(EdgeEventType.ViewerRequest, "/"));

        Assert.Equal("1", onJint.Result.GetProperty("body").GetString());
        Assert.Equal((1, 1), _runtime.PoolSizes[v8.PoolKey]);
        Assert.Equal((1, 1), _runtime.PoolSizes[jint.PoolKey]);
        Assert.NotEqual(v8.PoolKey, jint.PoolKey);
    }

    [Fact]
    public async Task ResultNotSerializable_BothEngines_InvalidResultNamingTheCause()
    {
        var files = Index("exports.handler = async () => { const r = { status: '200' }; r.self = r; return r; };");
        foreach (var engine in FunctionEngines.All)
        {
            using var result = await _runtime.InvokeAsync(Function(engine, files), Input(EdgeEventType.ViewerRequest, "/"));

            // The rest of the message is the engine's own JSON.stringify error, worded differently.
            Assert.Equal(InvocationOutcome.InvalidResult, result.Outcome);
            Assert.StartsWith("the function result cannot be serialized to JSON: ", result.Message);
        }
    }

    /// <summary>
    /// One invocation on a fresh runtime, summarised as the node would see it (to compare), and its
    /// message, result and log lines as plain text (to look into).
    /// </summary>
    private static async Task<(string Summary, string Text)> RunAsync(string engine, Dictionary<string, string> files, EdgeEventType eventType)
    {
        var sink = new ListSink();
        using var runtime = new FunctionRuntime(sink, Options.Create(new FunctionRuntimeOptions { NodeId = "test" }), TimeProvider.System);
        var function = Function(engine, files);
        using var result = await runtime.InvokeAsync(function, Input(eventType, "/docs/"));
        var logs = sink.Lines.Where(l => !l.StartsWith("REPORT", StringComparison.Ordinal)).Select(WithoutStack);
        var raw = result.Outcome == InvocationOutcome.Ok ? result.Result.GetRawText() : null;
        var summary = JsonSerializer.Serialize(new
        {
            outcome = result.Outcome.ToString(),
            message = result.Message,
            delta = result.Outcome == InvocationOutcome.Ok && result.IsDelta,
            result = raw,
            logs,
        });
        return (summary, string.Join("\n", [result.Message, raw, .. logs]));
    }

    // Stack traces are the engines' own (frame names and columns differ); type and message must not.
    private static string WithoutStack(string line)
    {
        var at = line.IndexOf("Invoke Error {", StringComparison.Ordinal);
        if (at < 0)
        {
            return line;
        }
        var error = System.Text.Json.Nodes.JsonNode.Parse(line[(at + "Invoke Error ".Length)..])!.AsObject();
        error.Remove("stack");
        return line[..at] + "Invoke Error " + error.ToJsonString();
    }

    private static Dictionary<string, string> Index(string source) => new() { ["index.js"] = source };

    private static FunctionModel Function(string engine, Dictionary<string, string> files) => new()
    {
        Name = "f",
        Files = files,
        HandlerModule = "index.js",
        HandlerExport = "handler",
        VersionKey = "f:" + string.Join(",", files.Values).GetHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture),
        Engine = engine,
    };

    private static FunctionEventInput Input(EdgeEventType eventType, string uri)
    {
        var response = eventType is EdgeEventType.ViewerResponse or EdgeEventType.OriginResponse;
        return new FunctionEventInput
        {
            EventType = eventType,
            RequestId = "req-1",
            DistributionId = "EDFDVBD6EXAMPLE",
            DistributionDomainName = "d111111abcdef8.cloudfront.net",
            ClientIp = "203.0.113.1",
            Method = "GET",
            Uri = uri,
            QueryString = "a=1",
            RequestHeaders = "Host\0example.org\0User-Agent\0curl/8.5.0\0",
            Status = response ? "200" : null,
            StatusDescription = response ? "OK" : null,
            ResponseHeaders = response ? "Content-Type\0text/html\0" : null,
        };
    }

    public void Dispose() => _runtime.Dispose();

    /// <summary>Log lines without their timestamps: level and text.</summary>
    private sealed class ListSink : IFunctionLogSink
    {
        public List<string> Lines { get; } = [];

        public void Write(in FunctionLogRecord record)
        {
            lock (Lines)
            {
                Lines.Add(record.Level + " " + record.Message);
            }
        }
    }
}
