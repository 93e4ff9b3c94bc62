using EdgeCompute.EdgeNode.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Regional;

/// <summary>DI registration of the regional sync, used instead of the config file watcher when <c>Regional:Url</c> is set.</summary>
internal static class RegionalServiceCollectionExtensions
{
    public static IServiceCollection AddRegionalSync(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RegionalOptions>(configuration.GetSection("Regional"));
        services.AddSingleton(sp => new SnapshotStore(sp.GetRequiredService<IOptions<RegionalOptions>>().Value
            .DataDirectoryFor(sp.GetRequiredService<IOptions<EdgeNodeOptions>>().Value.ConfigPath)));
        services.AddSingleton<RegionalClient>();
        services.AddSingleton<SnapshotMaterializer>();
        services.AddHostedService<RegionalSyncService>();
        return services;
    }
}
