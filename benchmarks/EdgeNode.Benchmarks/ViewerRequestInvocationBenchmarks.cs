using BenchmarkDotNet.Attributes;
using EdgeCompute.EdgeNode.Events;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Pipeline;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.AspNetCore.Http;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Benchmarks;

/// <summary>
/// One viewer-request invocation of a trivial function (read the uri, add a header) through the real
/// runtime: the event built from a request shaped like a real one, the result validated and applied.
/// The baseline is a bare call into V8 with no event at all, measured in the same run. The same
/// function runs on Jint too (<c>"engine": "jint"</c>), so both engines are measured in one run.
/// </summary>
[MemoryDiagnoser]
public class ViewerRequestInvocationBenchmarks
{
    private const string TrivialFunction = """
        'use strict';
        exports.handler = (event, context, callback) => {
          const request = event.Records[0].cf.request;
          request.headers['x-seen-uri'] = [{ key: 'X-Seen-Uri', value: request.uri }];
          callback(null, request);
        };
        """;

    private FunctionRuntime _runtime = null!;
    private EdgeFunctionInvoker _invoker = null!;
    private FunctionBinding _binding = null!;
    private FunctionBinding _jintBinding = null!;
    private EdgeRequestFeature _edge = null!;
    private DefaultHttpContext _context = null!;
    private V8ScriptEngine _bareEngine = null!;
    private ScriptObject _bareFunction = null!;
    private V8Runtime _limitedRuntime = null!;
    private V8ScriptEngine _limitedEngine = null!;
    private ScriptObject _limitedFunction = null!;

    [GlobalSetup]
    public void Setup()
    {
        var function = new FunctionModel
        {
            Name = "trivial",
            Files = new Dictionary<string, string> { ["index.js"] = TrivialFunction },
            HandlerModule = "index.js",
            HandlerExport = "handler",
            VersionKey = "trivial:1",
        };
        _binding = new FunctionBinding(EdgeEventType.ViewerRequest, function, IncludeBody: false);
        _jintBinding = new FunctionBinding(EdgeEventType.ViewerRequest, function with { Engine = FunctionEngines.Jint }, IncludeBody: false);
        _runtime = new FunctionRuntime(new DiscardingLogSink(), Options.Create(new FunctionRuntimeOptions { NodeId = "bench" }), TimeProvider.System);
        var inputs = new EventInputBuilder(new DefaultObjectPoolProvider().CreateStringBuilderPool());
        _invoker = new EdgeFunctionInvoker(_runtime, inputs, NullLogger<EdgeFunctionInvoker>.Instance);

        // What curl sends, as Kestrel hands it over.
        _context = new DefaultHttpContext();
        _context.Request.Method = "GET";
        _context.Request.Path = "/index.html";
        _context.Request.Host = new HostString("d111111abcdef8.cloudfront.net");
        _context.Request.Headers.UserAgent = "curl/8.5.0";
        _context.Request.Headers.Accept = "*/*";
        var origin = new OriginModel { Id = "o", DomainName = "127.0.0.1", Port = 8081, Protocol = "http" };
        var behavior = new CacheBehaviorModel(new PathPattern("*"), origin, null, false, [_binding]);
        var distribution = new DistributionModel { Id = "EDFDVBD6EXAMPLE", DomainName = "d111111abcdef8.cloudfront.net", HostNames = [], Behaviors = [behavior] };
        _edge = new EdgeRequestFeature
        {
            Snapshot = new EdgeSnapshot([distribution], distribution, new Dictionary<string, FunctionModel>(), 1),
            Distribution = distribution,
            Behavior = behavior,
            RequestId = "4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==",
            Viewer = new EdgeCompute.EdgeNode.Geo.ViewerAddress(System.Net.IPAddress.Parse("203.0.113.178"), 50123),
            ClientIp = "203.0.113.178",
            Uri = "/index.html",
            QueryString = "",
            Origin = origin,
        };

        _bareEngine = new V8ScriptEngine(V8ScriptEngineFlags.DisableGlobalMembers);
        _bareFunction = (ScriptObject)_bareEngine.Evaluate("(function () { return 1; })");

        // The same bare call in an isolate under the limits every function runs with. ClearScript
        // reads the heap statistics and arms a timer on every entry when a heap cap is set.
        _limitedRuntime = FunctionIsolate.CreateLimitedRuntime(function);
        _limitedEngine = _limitedRuntime.CreateScriptEngine(V8ScriptEngineFlags.DisableGlobalMembers);
        _limitedFunction = (ScriptObject)_limitedEngine.Evaluate("(function () { return 1; })");
    }

    [Benchmark(Baseline = true, Description = "bare V8 call, no event")]
    public object BareV8Call() => _bareFunction.InvokeAsFunction();

    [Benchmark(Description = "bare V8 call under the heap and stack caps")]
    public object LimitedV8Call() => _limitedFunction.InvokeAsFunction();

    [Benchmark(Description = "viewer-request invocation: build event, run, validate, apply")]
    public async Task<int> ViewerRequestInvocation()
    {
        // The function's header stays on the request between calls; removing it keeps every call equal.
        _context.Request.Headers.Remove("X-Seen-Uri");
        var outcome = await _invoker.RunAsync(_context, _edge, _binding);
        return (int)outcome.Verdict;
    }

    [Benchmark(Description = "viewer-request invocation on Jint: build event, run, validate, apply")]
    public async Task<int> ViewerRequestInvocationJint()
    {
        _context.Request.Headers.Remove("X-Seen-Uri");
        var outcome = await _invoker.RunAsync(_context, _edge, _jintBinding);
        return (int)outcome.Verdict;
    }

    private FunctionEventInput? _input;
    private EventInputBuilder _inputs = new(new DefaultObjectPoolProvider().CreateStringBuilderPool());

    [Benchmark(Description = "of which: building the event's strings from the request")]
    public async Task<int> BuildOnly() => (await _inputs.BuildAsync(_context, _edge, _binding, default)).RequestHeaders.Length;

    [Benchmark(Description = "of which: the runtime call (V8, envelope, REPORT line)")]
    public async Task<int> InvokeOnly()
    {
        _input ??= await _inputs.BuildAsync(_context, _edge, _binding, default);
        using var r = await _runtime.InvokeAsync(_binding.Function, _input);
        return (int)r.Outcome;
    }

    [Benchmark(Description = "of which: the runtime call on Jint (engine, envelope, REPORT line)")]
    public async Task<int> InvokeOnlyJint()
    {
        _input ??= await _inputs.BuildAsync(_context, _edge, _binding, default);
        using var r = await _runtime.InvokeAsync(_jintBinding.Function, _input);
        return (int)r.Outcome;
    }

    private System.Text.Json.JsonDocument? _delta;

    [Benchmark(Description = "of which: validating and applying the function's changes")]
    public int ApplyOnly()
    {
        _delta ??= System.Text.Json.JsonDocument.Parse(
            "{\"headers\":\"Host\\u0000d111111abcdef8.cloudfront.net\\u0000User-Agent\\u0000curl/8.5.0\\u0000Accept\\u0000*/*\\u0000X-Seen-Uri\\u0000/index.html\\u0000\"}");
        _context.Request.Headers.Remove("X-Seen-Uri");
        var error = EdgeFunctionInvoker.ApplyResult(_delta.RootElement, true, _context, _edge, _binding, out _, out _);
        return error is null ? 0 : 1;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _runtime.Dispose();
        _bareFunction.Dispose();
        _bareEngine.Dispose();
        _limitedFunction.Dispose();
        _limitedEngine.Dispose();
        _limitedRuntime.Dispose();
    }

    private sealed class DiscardingLogSink : IFunctionLogSink
    {
        public void Write(in FunctionLogRecord record)
        {
        }
    }
}
