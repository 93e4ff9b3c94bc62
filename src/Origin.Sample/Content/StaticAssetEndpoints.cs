using EdgeCompute.Origin.Sample.Http;

namespace EdgeCompute.Origin.Sample.Content;

/// <summary>
/// Long-lived static assets. Real sites put a content hash in such URLs; here the bodies
/// simply never change, which is the promise "immutable" makes to caches.
/// </summary>
internal static class StaticAssetEndpoints
{
    private static readonly Representation Script = Representation.Cacheable(
        """
        // EdgeCompute sample origin: marks the page as loaded so tests can see the script ran.
        document.addEventListener("DOMContentLoaded", () => {
          document.documentElement.dataset.loaded = "true";
        });

        """,
        MediaTypes.JavaScript,
        CachePolicies.StaticAsset);

    private static readonly Representation StyleSheet = Representation.Cacheable(
        """
        /* EdgeCompute sample origin */
        body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; }
        nav a { margin-right: 1rem; }
        img { image-rendering: pixelated; }

        """,
        MediaTypes.Css,
        CachePolicies.StaticAsset);

    // Not called MapStaticAssets: that name is taken by ASP.NET Core's own extension method.
    public static IEndpointRouteBuilder MapSiteAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetOrHead("/static/app.js", () => Script.ToResult());
        endpoints.MapGetOrHead("/static/site.css", () => StyleSheet.ToResult());
        return endpoints;
    }
}
