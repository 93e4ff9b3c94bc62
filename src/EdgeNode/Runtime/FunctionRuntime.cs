using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EdgeCompute.EdgeNode.Metering;
using EdgeCompute.EdgeNode.Model;
using Microsoft.ClearScript;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// Runs functions: finds the pool for a function version, rents an isolate, enters user code under
/// its limits, and turns what happened into an <see cref="InvocationOutcome"/> plus log lines.
/// The one seam between the request path and user code.
/// </summary>
public sealed class FunctionRuntime : IDisposable
{
    private readonly ConcurrentDictionary<string, IsolatePool> _pools = new();
    private readonly ExecutionWatchdog _watchdog = new();
    private readonly IFunctionLogSink _logs;
    private readonly FunctionRuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly int _granularityMs;

    // The function versions of the current configuration; null until the first reload (all are live).
    private volatile HashSet<string>? _liveVersionKeys;

    /// <param name="metering">The billing granularity, so that the REPORT line's Billed Duration is what usage records bill; 1 ms without it.</param>
    public FunctionRuntime(IFunctionLogSink logs, IOptions<FunctionRuntimeOptions> options, TimeProvider time,
        IOptions<MeteringOptions>? metering = null)
    {
        _logs = logs;
        _options = options.Value;
        _time = time;
        _granularityMs = metering?.Value.GranularityMs ?? 1;
    }

    /// <summary>Live isolates per pool (<see cref="FunctionModel.PoolKey"/>: the version key, and the engine unless V8), for metrics and tests.</summary>
    public IReadOnlyDictionary<string, (int Live, int Idle)> PoolSizes =>
        _pools.ToDictionary(p => p.Key, p => (p.Value.LiveCount, p.Value.IdleCount));

    /// <summary>The pools now, for the metrics collected at scrape time.</summary>
    internal ICollection<IsolatePool> Pools => _pools.Values;

    public ValueTask<FunctionInvocationResult> InvokeAsync(FunctionModel function, FunctionEventInput input,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pool = GetPool(function, out var ephemeral);
        if (!pool.TryRent(out var isolate))
        {
            var throttled = FunctionInvocationResult.Failed(InvocationOutcome.Throttled,
                $"concurrency limit of {function.MaxConcurrency} isolates reached");
            Log(function, input, "ERROR", "Throttled: " + throttled.Message);
            return ValueTask.FromResult(throttled);
        }
        var initDuration = TimeSpan.Zero;
        if (isolate is null)
        {
            try
            {
                isolate = FunctionIsolateFactory.Create(function, _options);
            }
            catch (Exception ex) when (ex is ScriptEngineException or Jint.JintException)
            {
                pool.ReleaseReservation();
                var failed = FunctionInvocationResult.Failed(InvocationOutcome.ExecutionError, "isolate start failed: " + ex.Message);
                Log(function, input, "ERROR", failed.Message!);
                return ValueTask.FromResult(failed);
            }
            _watchdog.Watch(isolate);
            initDuration = isolate.InitDuration;
            if (isolate.InitLogs is { } initLogs)
            {
                WriteLogs(function, input, initLogs);
            }
        }
        try
        {
            return ValueTask.FromResult(Run(function, input, isolate, initDuration));
        }
        finally
        {
            if (isolate.Broken)
            {
                _watchdog.Forget(isolate);
            }
            pool.Return(isolate, _time.GetTimestamp());
            if (ephemeral)
            {
                pool.Dispose();
            }
        }
    }

    private IsolatePool GetPool(FunctionModel function, out bool ephemeral)
    {
        ephemeral = false;
        var key = function.PoolKey;
        if (_pools.TryGetValue(key, out var pool))
        {
            return pool;
        }
        if (_liveVersionKeys is { } live && !live.Contains(function.VersionKey))
        {
            // A request still running on a configuration that a reload replaced: its function version
            // gets an isolate for this one invocation, and no pool that would outlive it.
            ephemeral = true;
            return new IsolatePool(function);
        }
        return _pools.GetOrAdd(key, static (_, f) => new IsolatePool(f), function);
    }

    private FunctionInvocationResult Run(FunctionModel function, FunctionEventInput input, IFunctionIsolate isolate, TimeSpan initDuration)
    {
        var started = Stopwatch.GetTimestamp();
        FunctionInvocationResult result;
        if (isolate.InitError is { } initError)
        {
            // Lambda tears an environment down after a failed init; a fresh isolate retries it.
            isolate.MarkBroken();
            result = FunctionInvocationResult.Failed(InvocationOutcome.ExecutionError, initError);
        }
        else
        {
            result = Enter(function, input, isolate, started);
        }
        return Finish(function, input, isolate, result, started, initDuration);
    }

    /// <summary>Runs user code under the limits; every way it can end becomes an outcome.</summary>
    private FunctionInvocationResult Enter(FunctionModel function, FunctionEventInput input, IFunctionIsolate isolate, long started)
    {
        var timeout = function.TimeoutFor(input.EventType);
        string envelope;
        try
        {
            envelope = isolate.Invoke(input, started + (long)(timeout.TotalSeconds * Stopwatch.Frequency), (int)timeout.TotalMilliseconds);
        }
        catch (ScriptInterruptedException) when (isolate.TimedOut)
        {
            return TimedOut(timeout);
        }
        catch (ScriptInterruptedException)
        {
            // Only the watchdog and the heap cap interrupt scripts: this was the heap cap.
            return MemoryLimitExceeded(function, isolate);
        }
        catch (ScriptEngineException ex) when (IsMemoryLimit(ex))
        {
            return MemoryLimitExceeded(function, isolate);
        }
        catch (ScriptEngineException ex)
        {
            isolate.MarkBroken();
            return FunctionInvocationResult.Failed(InvocationOutcome.ExecutionError, ex.ErrorDetails);
        }
        catch (IsolateAbortedException ex)
        {
            // Engines other than V8 report their limits as one exception; the outcomes are the same.
            isolate.MarkBroken();
            return ex.Outcome switch
            {
                InvocationOutcome.Timeout => TimedOut(timeout),
                InvocationOutcome.MemoryLimit => MemoryLimitExceeded(function, isolate),
                _ => FunctionInvocationResult.Failed(InvocationOutcome.ExecutionError, ex.Message),
            };
        }
        return ReadEnvelope(function, input, envelope);
    }

    private static FunctionInvocationResult TimedOut(TimeSpan timeout) =>
        FunctionInvocationResult.Failed(InvocationOutcome.Timeout,
            $"Task timed out after {timeout.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} seconds");

    private static FunctionInvocationResult MemoryLimitExceeded(FunctionModel function, IFunctionIsolate isolate)
    {
        isolate.MarkBroken();
        isolate.SampleHeap();
        return FunctionInvocationResult.Failed(InvocationOutcome.MemoryLimit,
            $"Runtime exited: the function used more than its {function.MemorySizeMb} MB of memory");
    }

    private FunctionInvocationResult ReadEnvelope(FunctionModel function, FunctionEventInput input, string envelope)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(envelope);
        }
        catch (JsonException ex)
        {
            return FunctionInvocationResult.Failed(InvocationOutcome.InvalidResult, "the function result is not valid JSON: " + ex.Message);
        }
        var root = document.RootElement;
        if (root.TryGetProperty("l", out var logs) && logs.ValueKind == JsonValueKind.Array)
        {
            foreach (var line in logs.EnumerateArray())
            {
                WriteLogLine(function, input, line.GetString() ?? "");
            }
        }
        if (root.TryGetProperty("e", out var error))
        {
            var message = $"{error.GetProperty("errorType").GetString()}: {error.GetProperty("errorMessage").GetString()}";
            Log(function, input, "ERROR", "Invoke Error " + error.GetRawText());
            document.Dispose();
            return FunctionInvocationResult.Failed(InvocationOutcome.ExecutionError, message);
        }
        if (root.TryGetProperty("v", out var invalid))
        {
            var message = invalid.GetString() ?? "invalid result";
            document.Dispose();
            return FunctionInvocationResult.Failed(InvocationOutcome.InvalidResult, message);
        }
        if (root.TryGetProperty("d", out var delta))
        {
            return new FunctionInvocationResult(InvocationOutcome.Ok, document, delta, null) { IsDelta = true };
        }
        return new FunctionInvocationResult(InvocationOutcome.Ok, document, root.GetProperty("r"), null);
    }

    private FunctionInvocationResult Finish(FunctionModel function, FunctionEventInput input, IFunctionIsolate isolate,
        FunctionInvocationResult result, long started, TimeSpan initDuration)
    {
        var duration = Stopwatch.GetElapsedTime(started);
        if (result.Outcome == InvocationOutcome.Timeout)
        {
            Log(function, input, "ERROR", result.Message!);
        }
        if (function.CloudFrontVersion is not null)
        {
            // CloudFront Functions: the invocation's time against the 1 ms CPU budget, 0–100.
            result.ComputeUtilization = ComputeUtilization(duration);
        }
        if (_logs.IsEnabled("REPORT"))
        {
            var report = new FunctionReport(duration, BilledDuration.Milliseconds(duration, _granularityMs), function.MemorySizeMb,
                Math.Max(1, (isolate.UsedHeapBytes + 1048575) / 1048576), initDuration, result.ComputeUtilization);
            _logs.Write(FunctionLogRecord.ForReport(_time.GetUtcNow(), function.FunctionName, function.Version, input.EventType.ToWireName(),
                input.RequestId, report, function.Account));
        }
        result.Duration = duration;
        result.InitDuration = initDuration;
        return result;
    }

    /// <summary><c>min(100, round(elapsed / 1 ms × 100))</c>: CloudFront Functions' budget is 1 ms of CPU.</summary>
    public static int ComputeUtilization(TimeSpan elapsed) =>
        (int)Math.Min(100, Math.Round(elapsed.TotalMilliseconds / EdgeLimits.CloudFrontFunctionsBudget.TotalMilliseconds * 100));

    private void WriteLogs(FunctionModel function, FunctionEventInput input, IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
        {
            WriteLogLine(function, input, line);
        }
    }

    /// <summary>Bridge lines are <c>ISO-time \t LEVEL \t text</c>.</summary>
    private void WriteLogLine(FunctionModel function, FunctionEventInput input, string line)
    {
        var parts = line.Split('\t', 3);
        if (parts.Length == 3 && DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            _logs.Write(Record(function, input, at, parts[1], parts[2]));
        }
        else
        {
            Log(function, input, "INFO", line);
        }
    }

    private void Log(FunctionModel function, FunctionEventInput input, string level, string message) =>
        _logs.Write(Record(function, input, _time.GetUtcNow(), level, message));

    /// <summary>A line of this invocation's log: which function, version, event, request and account it belongs to.</summary>
    private static FunctionLogRecord Record(FunctionModel function, FunctionEventInput input, DateTimeOffset at, string level, string message) =>
        new(at, function.FunctionName, function.Version, input.EventType.ToWireName(), input.RequestId, level, message, function.Account);

    private static bool IsMemoryLimit(ScriptEngineException ex) =>
        ex.Message.Contains("exceeded its memory limit", StringComparison.Ordinal) || ex.IsFatal;

    /// <summary>Disposes isolates idle longer than the configured timeout; returns how many.</summary>
    public int TrimIdle()
    {
        var idleSince = _time.GetTimestamp() - (long)(_options.IsolateIdleTimeout.TotalSeconds * _time.TimestampFrequency);
        return _pools.Values.Sum(pool => pool.TrimIdle(idleSince));
    }

    /// <summary>Drops the pools of function versions no longer in the configuration.</summary>
    public void RetireExcept(IEnumerable<string> liveVersionKeys)
    {
        var live = liveVersionKeys.ToHashSet();
        _liveVersionKeys = live;
        // Pools are keyed by engine too (FunctionModel.PoolKey); the configuration names versions.
        foreach (var key in _pools.Where(p => !live.Contains(p.Value.Function.VersionKey)).Select(p => p.Key).ToList())
        {
            if (_pools.TryRemove(key, out var pool))
            {
                pool.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _watchdog.Dispose();
        foreach (var pool in _pools.Values)
        {
            pool.Dispose();
        }
        _pools.Clear();
    }
}
