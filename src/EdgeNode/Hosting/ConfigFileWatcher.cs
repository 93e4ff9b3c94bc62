using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Metering;
using EdgeCompute.EdgeNode.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Hosting;

/// <summary>
/// Watches the config file's folder (function folders included) and reloads on change. A valid
/// change is swapped in whole; an invalid one is logged with every error and the last good config stays.
/// The node's own writes under that folder (the usage spool, by default <c>data/usage</c> beside the
/// config, one write per function run) are not changes to it: reloading on them rebuilt the
/// configuration every debounce period for as long as requests came.
/// </summary>
internal sealed class ConfigFileWatcher : BackgroundService
{
    private readonly SnapshotActivator _activator;
    private readonly EdgeNodeOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _changed = new(0);
    private readonly string? _spool;
    private FileSystemWatcher? _watcher;

    /// <param name="spool">The usage spool, registered only while the node meters.</param>
    public ConfigFileWatcher(SnapshotActivator activator, IOptions<EdgeNodeOptions> options, ILogger<ConfigFileWatcher> logger,
        UsageSpool? spool = null)
    {
        _activator = activator;
        _options = options.Value;
        _logger = logger;
        if (spool is not null)
        {
            _spool = Path.TrimEndingDirectorySeparator(spool.Directory) + Path.DirectorySeparatorChar;
        }
    }

    /// <summary>
    /// Starts watching before the host reports itself started: since .NET 10, <see cref="ExecuteAsync"/>
    /// runs on the thread pool, and a change made before it got going would be missed until the next one.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var file = Path.GetFullPath(_options.ConfigPath);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(file)!)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler onChange = (_, e) => Changed(e.FullPath);
        _watcher.Changed += onChange;
        _watcher.Created += onChange;
        _watcher.Deleted += onChange;
        _watcher.Renamed += (_, e) =>
        {
            Changed(e.OldFullPath);
            Changed(e.FullPath);
        };
        _watcher.EnableRaisingEvents = true;
        return base.StartAsync(cancellationToken);
    }

    private void Changed(string path)
    {
        if (_spool is null || !(path + Path.DirectorySeparatorChar).StartsWith(_spool, StringComparison.Ordinal))
        {
            _changed.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var file = Path.GetFullPath(_options.ConfigPath);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changed.WaitAsync(stoppingToken);
                // Let a burst of writes settle, then reload once for all of them.
                await Task.Delay(_options.ReloadDebounce, stoppingToken);
                while (_changed.CurrentCount > 0)
                {
                    await _changed.WaitAsync(stoppingToken);
                }
                Reload(file);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }

    private void Reload(string file)
    {
        var result = EdgeConfigLoader.Load(file, _activator.Current.Version + 1);
        if (result.Snapshot is not { } snapshot)
        {
            EdgeLog.ConfigRejected(_logger, file, string.Join("\n", result.Errors));
            return;
        }
        _activator.Activate(snapshot, file);
    }
}
