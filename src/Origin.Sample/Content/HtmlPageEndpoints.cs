using EdgeCompute.Origin.Sample.Http;

namespace EdgeCompute.Origin.Sample.Content;

internal static class HtmlPageEndpoints
{
    public static IEndpointRouteBuilder MapHtmlPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetOrHead("/", (HtmlPages pages) => pages.Home.ToResult());
        endpoints.MapGetOrHead("/index.html", (HtmlPages pages) => pages.Home.ToResult());
        endpoints.MapGetOrHead("/about.html", (HtmlPages pages) => pages.About.ToResult());

        endpoints.MapGetOrHead("/products/{id}.html", (string id, ProductCatalog catalog, HtmlPages pages) =>
            catalog.TryGet(id, out var product)
                ? pages.Product(product).ToResult()
                : pages.NotFound.ToResult(StatusCodes.Status404NotFound));

        return endpoints;
    }
}
