using EdgeCompute.Origin.Sample.Diagnostics;
using EdgeCompute.Origin.Sample.Probes;

namespace EdgeCompute.Origin.Sample.Content;

public static class SampleOriginEndpointRouteBuilderExtensions
{
    /// <summary>Maps every endpoint of the sample origin, including the catch-all 404.</summary>
    public static IEndpointRouteBuilder MapSampleOrigin(this IEndpointRouteBuilder endpoints)
    {
        // Content: cacheable sample site, each kind with its own Cache-Control policy.
        endpoints.MapHtmlPages();
        endpoints.MapProductApi();
        endpoints.MapTimeApi();
        endpoints.MapProfile();
        endpoints.MapImages();
        endpoints.MapSiteAssets();

        // Probes: endpoints whose behaviour the edge-node tests control through the URL.
        endpoints.MapEcho();
        endpoints.MapStatus();
        endpoints.MapSlow();
        endpoints.MapLargeBody();
        endpoints.MapResponseHeaders();
        endpoints.MapCacheable();

        // Control plane for tests: how often did requests reach the origin?
        endpoints.MapHitCounter();

        endpoints.MapNotFound();
        return endpoints;
    }
}
