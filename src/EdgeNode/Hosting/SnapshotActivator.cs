using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Pipeline;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Hosting;

/// <summary>
/// Puts a newly loaded snapshot into service, whoever loaded it (the config file watcher, the
/// regional sync): retires the isolate pools of function versions it no longer has, then swaps it in.
/// </summary>
internal sealed class SnapshotActivator
{
    private readonly EdgeSnapshotProvider _snapshots;
    private readonly FunctionRuntime _runtime;
    private readonly ILogger _logger;

    public SnapshotActivator(EdgeSnapshotProvider snapshots, FunctionRuntime runtime, ILogger<SnapshotActivator> logger)
    {
        _snapshots = snapshots;
        _runtime = runtime;
        _logger = logger;
    }

    /// <summary>The snapshot served now.</summary>
    public EdgeSnapshot Current => _snapshots.Current;

    /// <param name="snapshot">A snapshot that loaded without errors.</param>
    /// <param name="source">Where it came from, for the log (a file).</param>
    public void Activate(EdgeSnapshot snapshot, string source)
    {
        // Retire first: requests of the new snapshot then find warm pools kept, and requests still on
        // the old one get throwaway isolates for versions that are gone.
        _runtime.RetireExcept(snapshot.Functions.Values.Select(f => f.VersionKey));
        _snapshots.Swap(snapshot);
        EdgeLog.ConfigLoaded(_logger, snapshot.Version, source, snapshot.Distributions.Count, snapshot.Functions.Count);
    }
}
