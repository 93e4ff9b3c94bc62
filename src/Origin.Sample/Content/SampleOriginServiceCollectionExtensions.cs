using EdgeCompute.Origin.Sample.Diagnostics;
using EdgeCompute.Origin.Sample.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeCompute.Origin.Sample.Content;

public static class SampleOriginServiceCollectionExtensions
{
    /// <summary>
    /// Registers the sample origin's services and middleware. Pair with
    /// <see cref="SampleOriginEndpointRouteBuilderExtensions.MapSampleOrigin"/>.
    /// </summary>
    public static IServiceCollection AddSampleOrigin(this IServiceCollection services)
    {
        services.TryAddSingleton<HitCounter>();
        services.TryAddSingleton<ProductCatalog>();
        services.TryAddSingleton<HtmlPages>();

        // Tests can swap in a fake clock; /api/time is the only consumer.
        services.TryAddSingleton(TimeProvider.System);

        // Middleware goes in through a startup filter so it runs ahead of routing, and the
        // app's Program stays a plain Add/Map pair.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, SampleOriginStartupFilter>());

        // OriginHeadersMiddleware sends its own Server header; Kestrel's would only be replaced.
        services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);

        return services;
    }
}
