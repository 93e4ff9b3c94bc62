using EdgeCompute.EdgeNode.Regional;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeCompute.EdgeNode.Logs;

/// <summary>DI registration of function log shipping: only with a regional origin (<c>Regional:Url</c>) and unless <c>Logs:Enabled</c> is false.</summary>
internal static class LogShippingServiceCollectionExtensions
{
    /// <summary>
    /// Call before the default <see cref="IFunctionLogSink"/> is added: with a regional origin this one
    /// takes its place (and still writes to the node's log); a sink registered earlier, e.g. by a test, wins.
    /// </summary>
    public static IServiceCollection AddLogShipping(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection("Regional").Get<RegionalOptions>() is not { Enabled: true }
            || configuration.GetSection("Logs").Get<LogShippingOptions>() is { Enabled: false })
        {
            return services;
        }
        services.Configure<LogShippingOptions>(configuration.GetSection("Logs"));
        services.TryAddSingleton<NodeFunctionLogSink>();
        services.TryAddSingleton<LogBuffer>();
        services.TryAddSingleton<IFunctionLogSink, ShippingFunctionLogSink>();
        services.TryAddSingleton<LogBatchSender>();
        services.AddHostedService<LogShipperService>();
        return services;
    }
}
