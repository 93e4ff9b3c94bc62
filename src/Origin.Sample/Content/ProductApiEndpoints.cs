using System.Text.Json;
using EdgeCompute.Origin.Sample.Http;

namespace EdgeCompute.Origin.Sample.Content;

internal static class ProductApiEndpoints
{
    // The origin does not compress, but a real API behind a CDN would; declaring the
    // dimension keeps the edge's Vary handling honest.
    private const string Vary = "Accept-Encoding";

    public static IEndpointRouteBuilder MapProductApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetOrHead("/api/products", (ProductCatalog catalog) =>
            Json(new { count = catalog.All.Count, items = catalog.All }).ToResult());

        endpoints.MapGetOrHead("/api/products/{id}", (string id, ProductCatalog catalog) =>
            catalog.TryGet(id, out var product)
                ? Json(product).ToResult()
                : ProductNotFound(id).ToResult(StatusCodes.Status404NotFound));

        return endpoints;
    }

    private static Representation Json<T>(T value)
        => Representation.Cacheable(Serialize(value), MediaTypes.Json, CachePolicies.ApiData) with { Vary = Vary };

    /// <summary>An RFC 9457 problem document, negatively cached like the HTML 404 page.</summary>
    private static Representation ProductNotFound(string id)
    {
        var problem = new
        {
            type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
            title = "Not Found",
            status = StatusCodes.Status404NotFound,
            detail = $"There is no product {id}. Valid ids are 1 to {ProductCatalog.Count}.",
        };

        return Representation.Dynamic(Serialize(problem), MediaTypes.ProblemJson, CachePolicies.NotFound) with { Vary = Vary };
    }

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, JsonSerializerOptions.Web);
}
