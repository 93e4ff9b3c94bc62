using System.Collections.Concurrent;

namespace EdgeCompute.Origin.Sample.Diagnostics;

/// <summary>
/// Counts requests that reached the origin, per path. Edge-node tests read it to assert how
/// often the edge went to origin (a cache hit must not move the counter, a miss must).
/// </summary>
internal sealed class HitCounter
{
    private readonly ConcurrentDictionary<string, long> _paths = new(StringComparer.Ordinal);

    public void Record(string path) => _paths.AddOrUpdate(path, 1, static (_, count) => count + 1);

    public HitSnapshot Snapshot()
    {
        // The total is summed from the copied counts rather than kept separately, so a
        // snapshot taken under concurrent traffic is still internally consistent.
        // Sorted so the JSON is stable and diffable.
        var paths = new SortedDictionary<string, long>(_paths, StringComparer.Ordinal);
        return new HitSnapshot(paths.Values.Sum(), paths);
    }

    public void Reset() => _paths.Clear();
}

/// <summary>The JSON shape of <c>GET /_origin/hits</c>.</summary>
internal sealed record HitSnapshot(long Total, IReadOnlyDictionary<string, long> Paths);
