using EdgeCompute.EdgeNode.Observability;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeCompute.Origin.Sample.Observability;

internal static class ObservabilityServiceCollectionExtensions
{
    /// <summary>The origin's metrics registry (the node's own pattern: injected, never the static default) and request counting.</summary>
    public static IServiceCollection AddOriginObservability(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OriginMetricsOptions>(configuration.GetSection("Metrics"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetricsRegistry();
        services.AddSingleton<OriginMetrics>();
        services.AddSingleton<RegistryStateMetrics>();
        services.AddSingleton<IStartupFilter, RequestMetricsStartupFilter>();
        return services;
    }
}
