using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Sync;

/// <summary>
/// Serves snapshots to nodes: at once when the node is behind, else after the next change (or
/// nothing when the wait runs out). The last snapshot is kept serialised, so a change that wakes
/// many nodes is built once.
/// </summary>
internal sealed class EdgeSnapshotService(IRegistryStore store, RevisionSignal signal, IOptions<JsonOptions> json, TimeProvider time)
{
    public const int MaxWaitSeconds = 60;

    private volatile SerializedSnapshot? _last;

    /// <summary>The snapshot, or null when the revision is still <paramref name="after"/> after the wait.</summary>
    public async Task<SerializedSnapshot?> GetAsync(long? after, TimeSpan wait, CancellationToken cancellationToken)
    {
        // Taken before the revision is read: a change committed in between completes this task.
        var changed = signal.NextChange;
        var revision = await ReadRevisionAsync(cancellationToken);
        if (after is { } known && revision == known)
        {
            try
            {
                await changed.WaitAsync(wait, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                return null;
            }
            revision = await ReadRevisionAsync(cancellationToken);
        }
        return await SnapshotAsync(revision, cancellationToken);
    }

    private async Task<long> ReadRevisionAsync(CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        return await session.GetRevisionAsync(cancellationToken);
    }

    private async Task<SerializedSnapshot> SnapshotAsync(long atLeast, CancellationToken cancellationToken)
    {
        if (_last is { } last && last.Revision == atLeast)
        {
            return last;
        }
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        // Read again inside the transaction: the snapshot must be exactly the revision it claims.
        var revision = await session.GetRevisionAsync(cancellationToken);
        var document = await new SnapshotBuilder(session, cancellationToken).BuildAsync(revision);
        var built = new SerializedSnapshot(revision, JsonSerializer.SerializeToUtf8Bytes(document, json.Value.SerializerOptions));
        _last = built;
        return built;
    }
}

/// <summary>A snapshot as sent: its revision and its JSON.</summary>
internal sealed record SerializedSnapshot(long Revision, byte[] Json);
