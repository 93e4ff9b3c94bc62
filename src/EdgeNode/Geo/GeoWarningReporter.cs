using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>Logs the databases warn mode let the node start without; the databases open before any logger exists.</summary>
internal sealed class GeoWarningReporter : IHostedService
{
    private readonly IReadOnlyList<(string Setting, string Message)> _warnings;
    private readonly ILogger _logger;

    public GeoWarningReporter(IReadOnlyList<(string Setting, string Message)> warnings, ILogger<GeoWarningReporter> logger)
    {
        _warnings = warnings;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (setting, message) in _warnings)
        {
            GeoLog.DatabaseSkipped(_logger, setting, message);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
