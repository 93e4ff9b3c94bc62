using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Prometheus;

namespace EdgeCompute.EdgeNode.Observability;

internal static class MetricsRegistryServiceCollectionExtensions
{
    /// <summary>
    /// The node's one metrics registry and the factory every metric is created from (never prometheus-net's
    /// static default registry: a test host, or two nodes in one process, each get their own).
    /// </summary>
    public static IServiceCollection AddMetricsRegistry(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => Metrics.NewCustomRegistry());
        services.TryAddSingleton<IMetricFactory>(sp => Metrics.WithCustomRegistry(sp.GetRequiredService<CollectorRegistry>()));
        return services;
    }
}
