using System.Text.Json;
using EdgeCompute.EdgeNode.Model;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// One V8 isolate (its own <see cref="V8Runtime"/>) running one function version, one invocation at
/// a time — a Lambda execution environment. Owned by an <see cref="IsolatePool"/>: created when the
/// pool has no idle isolate, reused while warm (module scope survives), disposed when evicted idle
/// or after it hit a limit. Never shared with another function.
/// </summary>
internal sealed class FunctionIsolate : IFunctionIsolate
{
    private static readonly string BridgeSource = LoadBridge();

    private readonly V8Runtime _runtime;
    private readonly V8ScriptEngine _engine;
    private readonly ScriptObject _invoke;
    private readonly ScriptObject _drain;
    private readonly ScriptObject _ioDone;
    private int _invocations;
    private long _deadline;

    private FunctionIsolate(FunctionModel function, V8Runtime runtime, V8ScriptEngine engine)
    {
        Function = function;
        _runtime = runtime;
        _engine = engine;
        _invoke = BridgeFunction(engine, "invoke");
        _drain = BridgeFunction(engine, "drain");
        _ioDone = BridgeFunction(engine, "ioDone");
    }

    // A function taken through a ScriptObject's indexer is invoked through ClearScript's dynamic
    // binder (about 90 µs and 31 KB a call, measured); one returned by Evaluate is a direct call (2 µs).
    private static ScriptObject BridgeFunction(V8ScriptEngine engine, string name) =>
        (ScriptObject)engine.Evaluate("globalThis.__edgeBridge." + name);

    public FunctionModel Function { get; }

    /// <summary>Set when the isolate hit a limit or was interrupted: the pool disposes it instead of reusing it.</summary>
    public bool Broken { get; private set; }

    /// <summary>Logs written while the module was loaded; handed to the first invocation's log.</summary>
    public IReadOnlyList<string>? InitLogs { get; private set; }

    /// <summary>The module failed to load; every invocation reports this as an execution error.</summary>
    public string? InitError { get; private set; }

    public TimeSpan InitDuration { get; private set; }

    public long LastUsedTimestamp { get; set; }

    /// <summary>Bytes of V8 heap in use at the last sample (sampling costs about a microsecond).</summary>
    public ulong UsedHeapBytes { get; private set; }

    /// <summary>Stopwatch timestamp after which the watchdog interrupts; 0 while idle.</summary>
    public long Deadline => Volatile.Read(ref _deadline);

    /// <summary>Creates the isolate, loads the function's modules and runs their top-level code.</summary>
    public static FunctionIsolate Create(FunctionModel function, FunctionRuntimeOptions options)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var runtime = CreateLimitedRuntime(function);
        V8ScriptEngine? engine = null;
        try
        {
            engine = runtime.CreateScriptEngine(V8ScriptEngineFlags.DisableGlobalMembers);
            // The bridge is reachable from the global object only while the node takes its functions.
            engine.Execute(new DocumentInfo("edge:bridge"),
                "Object.defineProperty(globalThis, '__edgeBridge', { value: " + BridgeSource + ", configurable: true });");
            InstallHost(engine);
            var isolate = new FunctionIsolate(function, runtime, engine);
            isolate.Load(options);
            engine.Execute("delete globalThis.__edgeBridge;");
            isolate.InitDuration = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            return isolate;
        }
        catch
        {
            engine?.Dispose();
            runtime.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Hands the bridge the node's functions (crypto, randomness, built-in module sources). The host
    /// object is a .NET object: it is a global only for this one statement, and the bridge keeps it
    /// in its closure behind wrappers that pass strings, so no function can reach it.
    /// </summary>
    private static void InstallHost(V8ScriptEngine engine)
    {
        engine.AddHostObject("__edgeHost", HostItemFlags.None, BridgeHost.Instance);
        engine.Execute(new DocumentInfo("edge:host"),
            "globalThis.__edgeBridge.installHost(globalThis.__edgeHost); delete globalThis.__edgeHost;");
    }

    /// <summary>A V8 runtime under the function's heap and stack caps.</summary>
    /// <remarks>
    /// The heap cap is enforced by sampling, and going over it interrupts the script: an exception
    /// would be one the function could catch and carry on allocating past. V8's own hard limit sits
    /// well above the cap so that a fast bomb is interrupted before V8 kills the process. The cap
    /// has a price on every call: ClearScript reads the heap statistics and arms a timer each time
    /// script is entered (about 2 µs, see the invocation benchmark).
    /// </remarks>
    internal static V8Runtime CreateLimitedRuntime(FunctionModel function)
    {
        var heapBytes = (ulong)function.MemorySizeMb * 1024 * 1024;
        var constraints = new V8RuntimeConstraints
        {
            MaxOldSpaceSize = function.MemorySizeMb * 4 + 64,
            HeapExpansionMultiplier = 4,
            MaxArrayBufferAllocation = heapBytes,
        };
        return new V8Runtime(constraints)
        {
            MaxHeapSize = (UIntPtr)heapBytes,
            HeapSizeViolationPolicy = V8RuntimeViolationPolicy.Interrupt,
            HeapSizeSampleInterval = TimeSpan.FromMilliseconds(5),
            MaxStackUsage = (UIntPtr)(512 * 1024),
        };
    }

    private void Load(FunctionRuntimeOptions options)
    {
        using var define = BridgeFunction(_engine, "define");
        string? compileError = null;
        foreach (var (path, source) in Function.Files)
        {
            if (path.EndsWith(".json", StringComparison.Ordinal))
            {
                define.InvokeAsFunction(path, "json", source);
                continue;
            }
            try
            {
                // The CommonJS wrapper sits on the first line so that line numbers match the file.
                var wrapper = _engine.Evaluate(new DocumentInfo("/var/task/" + path),
                    "(function (exports, require, module, __filename, __dirname) {" + source + "\n})");
                define.InvokeAsFunction(path, "js", wrapper);
            }
            catch (ScriptEngineException ex)
            {
                compileError ??= $"{path}: {ex.ErrorDetails}";
            }
        }
        var settings = BridgeScript.SettingsJson(Function, options);
        if (compileError is not null)
        {
            InitError = "Runtime.UserCodeSyntaxError: " + compileError;
            return;
        }
        using var init = BridgeFunction(_engine, "init");
        using var result = JsonDocument.Parse((string)init.InvokeAsFunction(settings, Function.HandlerModule, Function.HandlerExport));
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
    /// Runs the handler once and returns the bridge's JSON envelope. Blocks the calling thread while
    /// user code runs; the watchdog interrupts it at <paramref name="deadline"/>.
    /// </summary>
    public string Invoke(FunctionEventInput input, long deadline, int remainingMs)
    {
        Volatile.Write(ref _deadline, deadline);
        try
        {
            var first = _invoke.InvokeAsFunction(BridgeScript.Packed(input, remainingMs));
            // "P": the handler has not completed yet. V8 ran the microtasks when the call above
            // returned, so a handler that awaited nothing outside V8 has settled by now.
            return first is string s && s != "P" ? s : Drain(deadline);
        }
        finally
        {
            Volatile.Write(ref _deadline, 0);
            // The heap is sampled, not read on every call: the first calls and then one in 64.
            if ((_invocations++ & 63) == 0 || _invocations < 4)
            {
                SampleHeap();
            }
        }
    }

    /// <summary>
    /// Runs the invocation's timers (setTimeout, setImmediate…) one per call, so that V8 runs the
    /// microtasks each leaves, until the invocation settles or nothing is pending; sleeps until the
    /// next timer is due. A timer due after the deadline is a timeout, as the watchdog's would be.
    /// Requests queued by fetch/http(s) come back as a batch (<see cref="FunctionFetcher.IoPrefix"/>),
    /// are performed on this thread, and a request still running at the deadline is a timeout too.
    /// </summary>
    private string Drain(long deadline)
    {
        for (;;)
        {
            var next = _drain.InvokeAsFunction();
            if (next is string envelope)
            {
                if (!envelope.StartsWith(FunctionFetcher.IoPrefix, StringComparison.Ordinal))
                {
                    return envelope;
                }
                // fetch/http(s) requests: performed here, each result handed back (V8 runs the
                // microtasks each leaves as the call returns).
                var results = FunctionFetcher.Perform(envelope[FunctionFetcher.IoPrefix.Length..], Function.AllowedHosts, deadline);
                if (results is null)
                {
                    TimedOut = true;
                    Broken = true;
                    throw new ScriptInterruptedException("the function's HTTP requests outlived its timeout");
                }
                foreach (var (id, result) in results)
                {
                    _ioDone.InvokeAsFunction(id, result);
                }
                continue;
            }
            var waitMs = Convert.ToDouble(next, System.Globalization.CultureInfo.InvariantCulture);
            if (waitMs <= 0)
            {
                continue;
            }
            if (!TimerWait.SleepUntilDue(waitMs, deadline))
            {
                TimedOut = true;
                Broken = true;
                throw new ScriptInterruptedException("the function's timers outlived its timeout");
            }
        }
    }

    public void SampleHeap()
    {
        try
        {
            UsedHeapBytes = Math.Max(UsedHeapBytes, _runtime.GetHeapInfo().UsedHeapSize);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Called by the watchdog thread: stops the running script; the isolate is then discarded.</summary>
    public void Interrupt()
    {
        TimedOut = true;
        Broken = true;
        try
        {
            _engine.Interrupt();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            // Disposed between the watchdog reading the deadline and this call ("The V8 script engine
            // has been released"): nothing runs any more, so there is nothing to stop.
        }
    }

    /// <summary>
    /// The watchdog interrupted the script. An interruption without it came from the heap cap.
    /// </summary>
    public bool TimedOut { get; private set; }

    public void MarkBroken() => Broken = true;

    public void Dispose()
    {
        _invoke.Dispose();
        _drain.Dispose();
        _ioDone.Dispose();
        _engine.Dispose();
        _runtime.Dispose();
    }

    private static string LoadBridge()
    {
        using var stream = typeof(FunctionIsolate).Assembly.GetManifestResourceStream("EdgeCompute.EdgeNode.Runtime.Scripts.bridge.js")
            ?? throw new InvalidOperationException("bridge.js is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
