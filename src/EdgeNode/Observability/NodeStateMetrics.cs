using EdgeCompute.EdgeNode.Caching;
using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Regional;
using EdgeCompute.EdgeNode.Runtime;
using Prometheus;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>
/// The node's state, read at scrape time rather than kept up to date on the request path: isolates
/// per function version, the cache's size and evictions, the snapshot version and the last sync.
/// </summary>
internal sealed class NodeStateMetrics
{
    private readonly FunctionRuntime _runtime;
    private readonly HttpCacheStore _cache;
    private readonly EdgeSnapshotProvider _snapshots;
    private readonly RegionalSyncStatus _sync;
    private readonly Gauge _isolates;
    private readonly Gauge _cacheEntries;
    private readonly Gauge _cacheBytes;
    private readonly Counter _cacheEvictions;
    private readonly Gauge _snapshotVersion;
    private readonly Gauge _lastSync;
    private readonly NodeFunctionLogSink _functionLog;
    private readonly Counter _functionLogDropped;
    private readonly Lock _lock = new();
    private HashSet<(string, string, string, string)> _reported = [];

    public NodeStateMetrics(IMetricFactory factory, FunctionRuntime runtime, HttpCacheStore cache, EdgeSnapshotProvider snapshots,
        RegionalSyncStatus sync, NodeFunctionLogSink functionLog)
    {
        _functionLog = functionLog;
        _runtime = runtime;
        _cache = cache;
        _snapshots = snapshots;
        _sync = sync;
        _isolates = factory.CreateGauge("edge_function_isolates",
            "Isolates per function version and engine: state=\"live\" (busy or idle) and state=\"idle\".", ["function", "version", "engine", "state"]);
        _cacheEntries = factory.CreateGauge("edge_cache_entries", "Cache keys stored (each with its Vary variants).");
        _cacheBytes = factory.CreateGauge("edge_cache_bytes", "Bytes of stored responses (as charged against Cache:SizeLimitBytes).");
        _cacheEvictions = factory.CreateCounter("edge_cache_evictions_total", "Cache entries evicted to make room for new ones.");
        _snapshotVersion = factory.CreateGauge("edge_snapshot_version",
            "The configuration version served: the registry revision in regional mode, the reload count with a config file.");
        _lastSync = factory.CreateGauge("edge_regional_last_sync_timestamp_seconds",
            "Unix time of the last successful sync with the registry (0: never, or not regional).");
        _functionLogDropped = factory.CreateCounter("edge_function_log_lines_dropped_total",
            "Function log lines left out of the node's log: more were waiting than it holds, or standard output would not take them.");
    }

    /// <summary>Brings the gauges up to date; called before each export.</summary>
    public void Collect()
    {
        _cacheEntries.Set(_cache.EntryCount);
        _cacheBytes.Set(_cache.CurrentSize);
        _cacheEvictions.IncTo(_cache.Evictions);
        _snapshotVersion.Set(_snapshots.Current.Version);
        _lastSync.Set(_sync.LastSync?.ToUnixTimeMilliseconds() / 1000.0 ?? 0);
        _functionLogDropped.IncTo(_functionLog.DroppedLines);
        CollectIsolates();
    }

    private void CollectIsolates()
    {
        lock (_lock)
        {
            var seen = new HashSet<(string, string, string, string)>();
            foreach (var pool in _runtime.Pools)
            {
                var f = pool.Function;
                var live = (f.FunctionName, f.Version, f.Engine, "live");
                var idle = (f.FunctionName, f.Version, f.Engine, "idle");
                _isolates.WithLabels(live.FunctionName, live.Version, live.Engine, "live").Set(pool.LiveCount);
                _isolates.WithLabels(idle.FunctionName, idle.Version, idle.Engine, "idle").Set(pool.IdleCount);
                seen.Add(live);
                seen.Add(idle);
            }
            // A retired function version's series go, rather than stay at their last value.
            foreach (var (function, version, engine, state) in _reported.Where(r => !seen.Contains(r)))
            {
                _isolates.RemoveLabelled(function, version, engine, state);
            }
            _reported = seen;
        }
    }
}
