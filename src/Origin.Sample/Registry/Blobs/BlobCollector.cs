using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Blobs;

/// <summary>
/// Deletes code and layer zips that no function <c>$LATEST</c>, version or layer version references
/// any more. An upload stores its blob before the transaction that references it commits, so only
/// blobs older than a grace period are candidates: an upload in flight has a fresh blob (a put of
/// bytes already stored refreshes their age too). Run by <see cref="BlobCollectionService"/>.
/// </summary>
internal sealed class BlobCollector(IBlobStore blobs, IRegistryStore store, TimeProvider time, ILogger<BlobCollector> logger)
{
    /// <summary>Deletes the unreferenced blobs last written before now minus <paramref name="gracePeriod"/>; returns how many.</summary>
    public async Task<int> CollectAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        // Fixed before the references are read: a blob put after this point is never older than the
        // cutoff, so it survives even if the reference to it commits after the read below.
        var cutoff = time.GetUtcNow() - gracePeriod;
        var stored = blobs.List().ToList();
        var candidates = stored.Where(b => b.LastWritten < cutoff).ToList();
        if (candidates.Count == 0)
        {
            // Also keeps a registry that never stored a blob from opening (and so creating) its database.
            return 0;
        }
        var referenced = await ReadReferencesAsync(cancellationToken);
        var deleted = 0;
        foreach (var blob in candidates.Where(b => !referenced.Contains(b.Sha256)))
        {
            try
            {
                deleted += blobs.DeleteIfUnchangedSince(blob.Sha256, cutoff) ? 1 : 0;
            }
            catch (IOException ex)
            {
                BlobLog.DeleteFailed(logger, blob.Sha256, ex);
            }
        }
        if (deleted > 0)
        {
            BlobLog.Collected(logger, deleted, stored.Count);
        }
        return deleted;
    }

    private async Task<HashSet<string>> ReadReferencesAsync(CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        var code = await session.Functions.ListCodeHashesAsync(cancellationToken);
        var layers = await session.Layers.ListCodeHashesAsync(cancellationToken);
        return new HashSet<string>(code.Concat(layers), StringComparer.Ordinal);
    }
}
