using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Hosting;

/// <summary>
/// Watches the config file's folder (function folders included) and reloads on change. A valid
/// change is swapped in whole; an invalid one is logged with every error and the last good config stays.
/// </summary>
internal sealed class ConfigFileWatcher : BackgroundService
{
    private readonly SnapshotActivator _activator;
    private readonly EdgeNodeOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _changed = new(0);
    private FileSystemWatcher? _watcher;

    public ConfigFileWatcher(SnapshotActivator activator, IOptions<EdgeNodeOptions> options, ILogger<ConfigFileWatcher> logger)
    {
        _activator = activator;
        _options = options.Value;
        _logger = logger;
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
        FileSystemEventHandler onChange = (_, _) => _changed.Release();
        _watcher.Changed += onChange;
        _watcher.Created += onChange;
        _watcher.Deleted += onChange;
        _watcher.Renamed += (_, _) => _changed.Release();
        _watcher.EnableRaisingEvents = true;
        return base.StartAsync(cancellationToken);
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
