using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>DI registration of health, readiness and, unless <c>Metrics:Enabled</c> is false, the metrics.</summary>
internal static class ObservabilityServiceCollectionExtensions
{
    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MetricsOptions>(configuration.GetSection("Metrics"));
        services.TryAddSingleton<Regional.RegionalSyncStatus>();
        services.AddSingleton<Readiness>();
        services.AddSingleton<ObservabilityEndpoints>();
        if (configuration.GetSection("Metrics").Get<MetricsOptions>() is { Enabled: false })
        {
            return services;
        }
        services.AddMetricsRegistry();
        services.AddSingleton<EdgeMetrics>();
        services.AddSingleton<RequestMetricsRecorder>();
        services.AddSingleton<NodeStateMetrics>();
        return services;
    }
}
