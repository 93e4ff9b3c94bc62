using EdgeCompute.EdgeNode.Regional;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Logs;

/// <summary>DI registration of function log shipping: only with a regional origin (<c>Regional:Url</c>) and unless <c>Logs:Enabled</c> is false.</summary>
internal static class LogShippingServiceCollectionExtensions
{
    /// <summary>
    /// With a regional origin, the node log's sink (<see cref="NodeFunctionLogSink"/>) hands every line to
    /// the <see cref="LogBuffer"/> as it drains (<see cref="IFunctionLogLineQueue"/>); a sink registered in
    /// its place, e.g. by a test, ships nothing.
    /// </summary>
    public static IServiceCollection AddLogShipping(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection("Regional").Get<RegionalOptions>() is not { Enabled: true }
            || configuration.GetSection("Logs").Get<LogShippingOptions>() is { Enabled: false })
        {
            return services;
        }
        services.Configure<LogShippingOptions>(configuration.GetSection("Logs"));
        services.TryAddSingleton(sp => new LogBuffer(sp.GetRequiredService<IOptions<LogShippingOptions>>(),
            sp.GetRequiredService<RegionalClient>().NodeId, sp.GetRequiredService<ILogger<LogBuffer>>()));
        services.TryAddSingleton<IFunctionLogLineQueue>(sp => sp.GetRequiredService<LogBuffer>());
        services.TryAddSingleton<LogBatchSender>();
        services.AddHostedService<LogShipperService>();
        return services;
    }
}
