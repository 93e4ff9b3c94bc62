using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>DI registration of the CloudFront-* header stage.</summary>
internal static class GeoServiceCollectionExtensions
{
    /// <summary>The stage; without <see cref="AddGeoDatabases"/> it runs with no databases (address, device and protocol headers only).</summary>
    public static IServiceCollection AddGeo(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(GeoDatabases.None);
        services.AddSingleton(new TrustedProxyList(configuration.GetSection("Geo").Get<GeoOptions>()?.TrustedProxies ?? []));
        services.AddSingleton<ViewerAddressResolver>();
        services.AddSingleton<GeoLocator>();
        services.AddSingleton<CloudFrontHeaderWriter>();
        services.AddSingleton<CloudFrontHeaderStage>();
        return services;
    }

    /// <summary>The databases <see cref="GeoStartup"/> opened, and a report of those warn mode skipped.</summary>
    public static IServiceCollection AddGeoDatabases(this IServiceCollection services, GeoStartup geo)
    {
        services.AddSingleton(geo.Databases);
        if (geo.Warnings.Count > 0)
        {
            services.AddHostedService(sp => new GeoWarningReporter(geo.Warnings, sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<GeoWarningReporter>>()));
        }
        return services;
    }
}
