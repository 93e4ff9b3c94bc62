using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Regional;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>
/// Whether the node should get traffic (<c>/readyz</c>): a config file node is ready once started (a
/// bad config fails start-up); a regional node when it synced with the registry within
/// <see cref="RegionalOptions.ReadyStaleAfter"/>.
/// </summary>
internal sealed class Readiness
{
    private readonly EdgeSnapshotProvider _snapshots;
    private readonly RegionalSyncStatus _sync;
    private readonly RegionalOptions _regional;
    private readonly TimeProvider _time;

    public Readiness(EdgeSnapshotProvider snapshots, RegionalSyncStatus sync, IOptions<RegionalOptions> regional, TimeProvider time)
    {
        _snapshots = snapshots;
        _sync = sync;
        _regional = regional.Value;
        _time = time;
    }

    /// <summary>Null when ready, else why not.</summary>
    public string? NotReadyReason()
    {
        if (!_regional.Enabled)
        {
            return null;
        }
        if (_sync.LastSync is not { } last)
        {
            return $"never synced with the registry (serving snapshot version {_snapshots.Current.Version})";
        }
        var age = _time.GetUtcNow() - last;
        return age <= _regional.ReadyStaleAfter
            ? null
            : $"last sync with the registry {(long)age.TotalSeconds} s ago, more than Regional:ReadyStaleAfter ({(long)_regional.ReadyStaleAfter.TotalSeconds} s)";
    }
}
