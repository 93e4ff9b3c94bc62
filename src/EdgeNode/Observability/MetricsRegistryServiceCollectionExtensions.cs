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
        services.TryAddSingleton(sp => CreateFactory(sp.GetRequiredService<CollectorRegistry>()));
        return services;
    }

    /// <summary>
    /// A factory for <paramref name="registry"/> whose metrics record no exemplars. prometheus-net's default
    /// takes the trace and span id of <see cref="System.Diagnostics.Activity.Current"/> on every increment,
    /// and ASP.NET Core starts an Activity for every request while its hosting log is on: that formats two
    /// ids and stores an exemplar per count, several times the cost of the count (MetricsRecordingBenchmarks,
    /// InRequestActivity). Nothing here exports traces, so an exemplar's ids would lead nowhere.
    /// </summary>
    public static IMetricFactory CreateFactory(CollectorRegistry registry)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        factory.ExemplarBehavior = new ExemplarBehavior { DefaultExemplarProvider = null };
        return factory;
    }
}
