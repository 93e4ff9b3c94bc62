using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// The isolates of one function version. Grows with concurrency up to the function's limit (past
/// it, callers are throttled), hands out the most recently used isolate first (the warmest), and
/// lets idle ones go after a while so that an unused function costs nothing.
/// </summary>
internal sealed class IsolatePool : IDisposable
{
    private readonly List<IFunctionIsolate> _idle = [];
    private readonly Lock _lock = new();
    private int _live;
    private bool _retired;

    public IsolatePool(FunctionModel function)
    {
        Function = function;
    }

    public FunctionModel Function { get; }

    /// <summary>Isolates in existence, busy or idle.</summary>
    public int LiveCount => Volatile.Read(ref _live);

    public int IdleCount
    {
        get { lock (_lock) { return _idle.Count; } }
    }

    /// <summary>Takes an idle isolate, or reserves room for a new one; false when at the concurrency limit.</summary>
    public bool TryRent(out IFunctionIsolate? isolate)
    {
        lock (_lock)
        {
            if (_idle.Count > 0)
            {
                isolate = _idle[^1];
                _idle.RemoveAt(_idle.Count - 1);
                return true;
            }
        }
        isolate = null;
        if (Interlocked.Increment(ref _live) > Function.MaxConcurrency)
        {
            Interlocked.Decrement(ref _live);
            return false;
        }
        return true;
    }

    /// <summary>Gives back the room reserved by <see cref="TryRent"/> when creating the isolate failed.</summary>
    public void ReleaseReservation() => Interlocked.Decrement(ref _live);

    public void Return(IFunctionIsolate isolate, long now)
    {
        if (!isolate.Broken)
        {
            lock (_lock)
            {
                if (!_retired)
                {
                    isolate.LastUsedTimestamp = now;
                    _idle.Add(isolate);
                    return;
                }
            }
        }
        Discard(isolate);
    }

    public void Discard(IFunctionIsolate isolate)
    {
        Interlocked.Decrement(ref _live);
        isolate.Dispose();
    }

    /// <summary>Disposes isolates idle since before <paramref name="idleSince"/>; returns how many.</summary>
    public int TrimIdle(long idleSince)
    {
        List<IFunctionIsolate>? stale = null;
        lock (_lock)
        {
            // The list is ordered by last use: the oldest are at the front.
            var count = 0;
            while (count < _idle.Count && _idle[count].LastUsedTimestamp < idleSince)
            {
                count++;
            }
            if (count > 0)
            {
                stale = _idle.GetRange(0, count);
                _idle.RemoveRange(0, count);
            }
        }
        stale?.ForEach(Discard);
        return stale?.Count ?? 0;
    }

    /// <summary>The function version is gone from config: idle isolates go now, busy ones when returned.</summary>
    public void Dispose()
    {
        List<IFunctionIsolate> idle;
        lock (_lock)
        {
            _retired = true;
            idle = [.. _idle];
            _idle.Clear();
        }
        idle.ForEach(Discard);
    }
}
