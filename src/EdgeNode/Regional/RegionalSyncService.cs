using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Regional;

/// <summary>
/// Keeps the node on the registry's latest snapshot: long-polls for a new revision, fetches the
/// bundles it lacks, materialises and loads the snapshot, swaps it in and records it on disk.
/// Anything that goes wrong — registry down, a bundle with the wrong hash, an invalid snapshot — is
/// logged and the last good snapshot keeps serving.
/// </summary>
internal sealed class RegionalSyncService : BackgroundService
{
    private readonly RegionalClient _client;
    private readonly SnapshotStore _store;
    private readonly SnapshotMaterializer _materializer;
    private readonly SnapshotActivator _activator;
    private readonly RegionalOptions _options;
    private readonly ILogger _logger;
    private readonly RegionalSyncStatus? _status;

    public RegionalSyncService(RegionalClient client, SnapshotStore store, SnapshotMaterializer materializer, SnapshotActivator activator,
        IOptions<RegionalOptions> options, ILogger<RegionalSyncService> logger, RegionalSyncStatus? status = null)
    {
        _status = status;
        _client = client;
        _store = store;
        _materializer = materializer;
        _activator = activator;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The snapshot's version is its registry revision (0: none yet).
        var serving = _activator.Current.Version;
        RegionalLog.Started(_logger, _options.Url!, _client.NodeId, serving);
        ReportUnusableDiskSnapshot(serving);
        // Poll for revisions after this one: the one served, or the last refused (no use fetching it again).
        var after = serving;
        var delay = _options.MinRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var snapshot = await _client.PollAsync(after, serving, stoppingToken);
                delay = _options.MinRetryDelay;
                if (snapshot is null)
                {
                    // The registry answered: the node serves its latest revision.
                    _status?.Synced();
                    continue;
                }
                after = snapshot.Revision;
                if (await ApplyAsync(snapshot, serving, stoppingToken))
                {
                    serving = snapshot.Revision;
                    _status?.Synced();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Transient as far as the node can tell: the same revision is tried again after a pause.
                // Whatever it was, the node must keep serving: an exception out of here would stop the host.
                after = serving;
                var reason = ex is RegionalSyncException or IOException ? ex.Message : ex.ToString();
                RegionalLog.Failed(_logger, reason, serving, (long)delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                delay = _options.NextRetryDelay(delay);
            }
        }
    }

    /// <summary>Fetches, materialises, loads and swaps in one snapshot; false (logged) when it is invalid.</summary>
    private async Task<bool> ApplyAsync(RegionalSnapshot snapshot, long serving, CancellationToken cancellationToken)
    {
        var bundles = snapshot.Bundles();
        var badHashes = bundles.Where(h => !BundleHash.IsValid(h)).ToList();
        if (badHashes.Count > 0)
        {
            RegionalLog.Refused(_logger, snapshot.Revision, serving, "bundle names that are not SHA-256 hashes: " + string.Join(", ", badHashes));
            return false;
        }
        foreach (var sha256 in bundles.Where(h => !File.Exists(_store.BundlePath(h))))
        {
            await _client.DownloadBundleAsync(sha256, _store.BundlePath(sha256), cancellationToken);
            RegionalLog.BundleDownloaded(_logger, sha256);
        }
        var result = await _materializer.MaterializeAsync(snapshot, cancellationToken);
        if (result.Snapshot is not { } loaded)
        {
            RegionalLog.Refused(_logger, snapshot.Revision, serving, string.Join("\n", result.Errors));
            return false;
        }
        // Recorded first: if the disk refuses, nothing has changed and the revision is tried again.
        await _store.WriteCurrentAsync(snapshot.Revision, cancellationToken);
        _activator.Activate(loaded, _store.ConfigFile(snapshot.Revision));
        _store.RemoveAllBut(snapshot.Revision, bundles);
        RegionalLog.Applied(_logger, snapshot.Revision, bundles.Count, _store.Root);
        return true;
    }

    /// <summary>Says why the node started empty although <c>current</c> names a snapshot (start-up loads it, or leaves it for this).</summary>
    private void ReportUnusableDiskSnapshot(long serving)
    {
        if (_store.ReadCurrent() is { } revision && revision != serving && _store.LoadCurrent() is { Succeeded: false } failed)
        {
            RegionalLog.DiskSnapshotUnusable(_logger, revision, string.Join("\n", failed.Errors));
        }
    }
}
