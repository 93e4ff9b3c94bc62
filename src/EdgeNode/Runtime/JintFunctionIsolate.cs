using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Acornima;
using Acornima.Ast;
using EdgeCompute.EdgeNode.Model;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// One Jint engine running one function version, one invocation at a time: the Jint counterpart of
/// <see cref="FunctionIsolate"/>, running the same <c>Scripts/bridge.js</c>, so the event contract,
/// modules, console and error envelopes are the same code on both engines.
/// </summary>
/// <remarks>
/// Nothing of .NET is reachable from user code: CLR interop stays off (<c>Interop.Enabled</c> false,
/// no <c>AllowClr</c>), no .NET object is set as a global, and the node holds the only references to
/// the bridge's functions (the bridge is evaluated as an expression and never put on the global
/// object). Limits (see <see cref="CreateEngine"/>) end in the same outcomes as on V8.
/// </remarks>
internal sealed class JintFunctionIsolate : IFunctionIsolate
{
    /// <summary>Most frames of one function on the stack; the stack guard usually fires well before (see <see cref="CreateEngine"/>).</summary>
    private const int MaxRecursionDepth = 10_000;

    // A prepared script is immutable and thread-safe: the bridge is parsed once per process.
    private static readonly Prepared<Script> Bridge = Engine.PrepareScript(BridgeScript.Source, "edge:bridge");

    private readonly Engine _engine;
    private readonly CancellationTokenSource _interrupt;
    private JsValue _invoke = JsValue.Undefined;
    private JsValue _drain = JsValue.Undefined;
    private JsValue _ioDone = JsValue.Undefined;
    private long _deadline;

    private JintFunctionIsolate(FunctionModel function, Engine engine, CancellationTokenSource interrupt)
    {
        Function = function;
        _engine = engine;
        _interrupt = interrupt;
    }

    public FunctionModel Function { get; }

    public bool Broken { get; private set; }

    public bool TimedOut { get; private set; }

    public string? InitError { get; private set; }

    public IReadOnlyList<string>? InitLogs { get; private set; }

    public TimeSpan InitDuration { get; private set; }

    public long LastUsedTimestamp { get; set; }

    /// <summary>
    /// The most bytes one call into the engine allocated. Jint objects live on the .NET heap, shared
    /// with the node, so there is no heap of the isolate's own to read: what a call allocates is also
    /// what Jint's memory limit counts.
    /// </summary>
    public ulong UsedHeapBytes { get; private set; }

    public long Deadline => Volatile.Read(ref _deadline);

    /// <summary>Creates the engine, loads the function's modules and runs their top-level code.</summary>
    public static JintFunctionIsolate Create(FunctionModel function, FunctionRuntimeOptions options)
    {
        var started = Stopwatch.GetTimestamp();
        var interrupt = new CancellationTokenSource();
        var engine = CreateEngine(function, interrupt.Token);
        var isolate = new JintFunctionIsolate(function, engine, interrupt);
        // The watchdog only watches invocations: top-level code gets the function's timeout from a timer.
        interrupt.CancelAfter(function.Timeout);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            isolate.Load(options);
        }
        catch (ExecutionCanceledException)
        {
            isolate.InitError = string.Create(CultureInfo.InvariantCulture,
                $"Runtime.InitTimeout: the module's top-level code ran past the function's timeout of {function.Timeout.TotalSeconds:0.00} seconds");
        }
        catch (MemoryLimitExceededException)
        {
            isolate.InitError = $"Runtime.OutOfMemory: the module's top-level code used more than the function's {function.MemorySizeMb} MB of memory";
        }
        catch (RecursionDepthOverflowException)
        {
            isolate.InitError = "RangeError: Maximum call stack size exceeded";
        }
        catch (JavaScriptException ex)
        {
            isolate.InitError = $"{ErrorName(ex)}: {ex.Message}";
        }
        finally
        {
            isolate.UsedHeapBytes = (ulong)Math.Max(0, GC.GetAllocatedBytesForCurrentThread() - allocated);
        }
        if (!interrupt.TryReset())
        {
            // The timer fired: the token stays cancelled, and a failed init sends the isolate away.
            isolate.InitError ??= "Runtime.InitTimeout: the module's top-level code ran past the function's timeout";
        }
        isolate.InitDuration = Stopwatch.GetElapsedTime(started);
        return isolate;
    }

    /// <summary>A Jint engine under the function's limits.</summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Time: the watchdog cancels <paramref name="interrupt"/> at the deadline; Jint checks the
    /// token between statements and inside long built-in loops → <see cref="ExecutionCanceledException"/>
    /// → Timeout. One clock (the watchdog's) for both engines, and the event's own cap applies, which
    /// an engine-wide <c>TimeoutInterval</c> could not know.</item>
    /// <item>Memory: <c>LimitMemory</c> counts the bytes the thread allocates during one call into the
    /// engine (not what stays live: Jint has no heap of its own) → <see cref="MemoryLimitExceededException"/>,
    /// which script cannot catch → MemoryLimit. Arrays are capped in length too, so that one built-in
    /// call cannot allocate far past the limit before the next check.</item>
    /// <item>Stack: the stack guard turns deep recursion into a catchable
    /// <c>RangeError: Maximum call stack size exceeded</c>, as V8's stack cap does; without it a
    /// runaway recursion overflows the thread's stack and ends the process. <c>LimitRecursion</c> is
    /// the backstop (<see cref="RecursionDepthOverflowException"/>, not catchable) → ExecutionError.</item>
    /// <item>Regular expressions: a catastrophic backtrack runs inside one built-in call, out of the
    /// token's reach, so it gets its own timeout.</item>
    /// </list>
    /// </remarks>
    internal static Engine CreateEngine(FunctionModel function, CancellationToken interrupt)
    {
        var memoryBytes = (long)function.MemorySizeMb * 1024 * 1024;
        return new Engine(o =>
        {
            o.Interop.Enabled = false;
            o.Strict = false;
            o.Culture = CultureInfo.InvariantCulture;
            o.LimitMemory(memoryBytes);
            o.CancellationToken(interrupt);
            o.LimitRecursion(MaxRecursionDepth);
            o.Constraints.StackOverflowGuard = true;
            o.Constraints.MaxArraySize = (uint)Math.Min(uint.MaxValue, memoryBytes / 8);
            o.Constraints.RegexTimeout = function.Timeout;
        });
    }

    private void Load(FunctionRuntimeOptions options)
    {
        var bridge = _engine.Evaluate(Bridge);
        var define = bridge.Get("define");
        _invoke = bridge.Get("invoke");
        _drain = bridge.Get("drain");
        _ioDone = bridge.Get("ioDone");
        _engine.Call(bridge.Get("installHost"), [CreateHost()]);
        string? compileError = null;
        foreach (var (path, source) in Function.Files)
        {
            if (path.EndsWith(".json", StringComparison.Ordinal))
            {
                _engine.Call(define, [JsString.Create(path), JsString.Create("json"), JsString.Create(source)]);
                continue;
            }
            try
            {
                // The CommonJS wrapper sits on the first line so that line numbers match the file;
                // the module is parsed once per isolate, here.
                var script = Engine.PrepareScript("(function (exports, require, module, __filename, __dirname) {" + source + "\n})",
                    "/var/task/" + path);
                _engine.Call(define, [JsString.Create(path), JsString.Create("js"), _engine.Evaluate(script)]);
            }
            catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
            {
                compileError ??= $"{path}: {SyntaxError(parse)}";
            }
        }
        if (compileError is not null)
        {
            InitError = "Runtime.UserCodeSyntaxError: " + compileError;
            return;
        }
        var init = bridge.Get("init");
        var envelope = _engine.Call(init, [JsString.Create(BridgeScript.SettingsJson(Function, options)),
            JsString.Create(Function.HandlerModule), JsString.Create(Function.HandlerExport)]).AsString();
        using var result = JsonDocument.Parse(envelope);
        if (result.RootElement.TryGetProperty("l", out var logs) && logs.ValueKind == JsonValueKind.Array)
        {
            InitLogs = logs.EnumerateArray().Select(l => l.GetString() ?? "").ToArray();
        }
        if (result.RootElement.TryGetProperty("e", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            InitError = $"{error.GetProperty("errorType").GetString()}: {error.GetProperty("errorMessage").GetString()}";
        }
    }

    /// <summary>
    /// The bridge's host: the same five functions as <see cref="BridgeHost"/> on V8, as script
    /// functions over it. Jint functions, not .NET objects: nothing of .NET can be reached from them.
    /// </summary>
    private JsObject CreateHost()
    {
        var host = new JsObject(_engine);
        var bridgeHost = BridgeHost.Instance;
        void Add(string name, Func<JsValue[], string?> call) =>
            host.Set(name, new ClrFunction(_engine, name, (_, args) => call(args) is { } r ? JsString.Create(r) : JsValue.Null));
        static string Arg(JsValue[] args, int i) => i < args.Length && args[i].IsString() ? args[i].AsString() : "";
        Add("Hash", a => bridgeHost.Hash(Arg(a, 0), Arg(a, 1)));
        Add("Hmac", a => bridgeHost.Hmac(Arg(a, 0), Arg(a, 1), Arg(a, 2)));
        Add("RandomBytes", a => a.Length > 0 && a[0].IsNumber() ? bridgeHost.RandomBytes((int)a[0].AsNumber()) : null);
        Add("RandomUUID", _ => bridgeHost.RandomUUID());
        Add("Source", a => bridgeHost.Source(Arg(a, 0)));
        return host;
    }

    /// <summary>
    /// Runs the invocation's timers one per call, with the promise jobs each leaves, until the
    /// invocation settles; sleeps until the next timer is due. A timer due after the deadline is a
    /// timeout, as on V8. Requests queued by fetch/http(s) are performed here, as on V8.
    /// </summary>
    private string Drain(long deadline)
    {
        for (;;)
        {
            var next = _engine.Call(_drain, []);
            _engine.Advanced.ProcessTasks();
            if (next.IsString())
            {
                var envelope = next.AsString();
                if (!envelope.StartsWith(FunctionFetcher.IoPrefix, StringComparison.Ordinal))
                {
                    return envelope;
                }
                // fetch/http(s) requests: performed here, each result handed back with its promise jobs.
                var results = FunctionFetcher.Perform(envelope[FunctionFetcher.IoPrefix.Length..], Function.AllowedHosts, deadline);
                if (results is null)
                {
                    Broken = true;
                    throw new IsolateAbortedException(InvocationOutcome.Timeout, "the function's HTTP requests outlived its timeout", null);
                }
                foreach (var (id, result) in results)
                {
                    _engine.Call(_ioDone, [JsNumber.Create(id), JsString.Create(result)]);
                    _engine.Advanced.ProcessTasks();
                }
                continue;
            }
            var waitMs = next.IsNumber() ? next.AsNumber() : 0;
            if (waitMs <= 0)
            {
                continue;
            }
            if (!TimerWait.SleepUntilDue(waitMs, deadline))
            {
                Broken = true;
                throw new IsolateAbortedException(InvocationOutcome.Timeout, "the function's timers outlived its timeout", null);
            }
        }
    }

    /// <summary>A syntax error as V8 words it: <c>SyntaxError: Unexpected token ';' (/var/task/index.js:2:9)</c>.</summary>
    internal static string SyntaxError(ParseErrorException parse) =>
        string.Create(CultureInfo.InvariantCulture, $"SyntaxError: {parse.Description} ({parse.SourceFile}:{parse.LineNumber}:{parse.Column + 1})");

    public string Invoke(FunctionEventInput input, long deadline, int remainingMs)
    {
        Volatile.Write(ref _deadline, deadline);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            var first = _engine.Call(_invoke, [JsString.Create(BridgeScript.Packed(input, remainingMs))]);
            if (first.IsString() && first.AsString() is var envelope && envelope != "P")
            {
                return envelope;
            }
            // "P": the handler returned a promise. Jint runs promise jobs only when asked (V8 runs them
            // as the call returns): a handler that awaited nothing outside the engine settles here, and
            // collect then reports a promise that cannot settle, as on V8.
            _engine.Advanced.ProcessTasks();
            return Drain(deadline);
        }
        catch (ExecutionCanceledException ex)
        {
            // Only the watchdog cancels a running invocation.
            Broken = true;
            throw new IsolateAbortedException(InvocationOutcome.Timeout, "interrupted at the deadline", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            Broken = true;
            throw new IsolateAbortedException(InvocationOutcome.MemoryLimit, ex.Message, ex);
        }
        catch (RecursionDepthOverflowException)
        {
            // V8 raises a RangeError that the bridge reports; this limit is out of script's reach, so
            // the same error is reported from here. The bridge's state is left mid-call: discard.
            Broken = true;
            return """{"e":{"errorType":"RangeError","errorMessage":"Maximum call stack size exceeded","stack":[]}}""";
        }
        catch (JavaScriptException ex)
        {
            // The bridge catches everything user code throws; reaching here means the bridge itself failed.
            Broken = true;
            throw new IsolateAbortedException(InvocationOutcome.ExecutionError, $"{ErrorName(ex)}: {ex.Message}", ex);
        }
        catch (JintException ex)
        {
            Broken = true;
            throw new IsolateAbortedException(InvocationOutcome.ExecutionError, ex.Message, ex);
        }
        finally
        {
            Volatile.Write(ref _deadline, 0);
            var used = (ulong)Math.Max(0, GC.GetAllocatedBytesForCurrentThread() - allocated);
            if (used > UsedHeapBytes)
            {
                UsedHeapBytes = used;
            }
        }
    }


    private static string ErrorName(JavaScriptException ex) =>
        ex.Error.IsObject() && ex.Error.Get("name") is var name && name.IsString() ? name.AsString() : "Error";

    /// <summary>Nothing to sample: every invocation measures what it allocated (see <see cref="UsedHeapBytes"/>).</summary>
    public void SampleHeap()
    {
    }

    public void Interrupt()
    {
        TimedOut = true;
        Broken = true;
        try
        {
            _interrupt.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The watchdog read the deadline just before the invocation ended and the isolate went away.
        }
    }

    public void MarkBroken() => Broken = true;

    public void Dispose()
    {
        _engine.Dispose();
        _interrupt.Dispose();
    }
}
