using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// One execution environment of one function version, whatever engine runs it: what the pool, the
/// watchdog and <see cref="FunctionRuntime"/> need. One invocation at a time; module scope survives
/// between invocations; after any limit it is <see cref="Broken"/> and gets discarded.
/// </summary>
internal interface IFunctionIsolate : IDisposable
{
    FunctionModel Function { get; }

    /// <summary>Set when the isolate hit a limit or was interrupted: the pool disposes it instead of reusing it.</summary>
    bool Broken { get; }

    /// <summary>The watchdog interrupted the running script.</summary>
    bool TimedOut { get; }

    /// <summary>The module failed to load; every invocation reports this as an execution error.</summary>
    string? InitError { get; }

    /// <summary>Logs written while the module was loaded; handed to the first invocation's log.</summary>
    IReadOnlyList<string>? InitLogs { get; }

    TimeSpan InitDuration { get; }

    /// <summary>The most memory the isolate was seen using, for the REPORT line's Max Memory Used.</summary>
    ulong UsedHeapBytes { get; }

    long LastUsedTimestamp { get; set; }

    /// <summary>Stopwatch timestamp after which the watchdog interrupts; 0 while idle.</summary>
    long Deadline { get; }

    /// <summary>
    /// Runs the handler once and returns the bridge's JSON envelope. Blocks the calling thread while
    /// user code runs; the watchdog interrupts it at <paramref name="deadline"/>. Engine-specific
    /// exceptions (V8) or <see cref="IsolateAbortedException"/> (Jint) report limits.
    /// </summary>
    string Invoke(FunctionEventInput input, long deadline, int remainingMs);

    void SampleHeap();

    /// <summary>Called by the watchdog thread: stops the running script; the isolate is then discarded.</summary>
    void Interrupt();

    void MarkBroken();
}
