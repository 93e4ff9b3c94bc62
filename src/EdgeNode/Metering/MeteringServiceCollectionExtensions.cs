using EdgeCompute.EdgeNode.Hosting;
using EdgeCompute.EdgeNode.Observability;
using EdgeCompute.EdgeNode.Regional;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace EdgeCompute.EdgeNode.Metering;

/// <summary>DI registration of usage metering: nothing unless it is active; the reporter only with a regional origin.</summary>
internal static class MeteringServiceCollectionExtensions
{
    public static IServiceCollection AddMetering(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MeteringOptions>(configuration.GetSection("Metering"));
        var metering = configuration.GetSection("Metering").Get<MeteringOptions>() ?? new MeteringOptions();
        var regional = configuration.GetSection("Regional").Get<RegionalOptions>() ?? new RegionalOptions();
        if (!metering.IsActive(regional))
        {
            return services;
        }
        // In the node's one metrics registry, which the admin listener's /metrics exports.
        services.AddMetricsRegistry();
        services.AddSingleton<UsageMetrics>();
        services.AddSingleton(sp => new UsageSpool(
            sp.GetRequiredService<IOptions<MeteringOptions>>().Value.SpoolDirectoryFor(
                sp.GetRequiredService<IOptions<EdgeNodeOptions>>().Value.ConfigPath, sp.GetRequiredService<IOptions<RegionalOptions>>().Value),
            sp.GetRequiredService<IOptions<MeteringOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<UsageMetrics>(),
            sp.GetRequiredService<ILogger<UsageSpool>>()));
        services.AddSingleton<UsageMeter>();
        if (regional.Enabled)
        {
            services.AddSingleton<UsageBatchSender>();
            services.AddHostedService<UsageReporterService>();
        }
        return services;
    }
}
