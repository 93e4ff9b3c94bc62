using System.Text.Json;
using EdgeCompute.Origin.Sample.Http;

namespace EdgeCompute.Origin.Sample.Content;

internal static class TimeApiEndpoints
{
    /// <summary>
    /// Changes on every request and is marked no-store, so any repeated value seen through
    /// the edge proves the edge cached something it must not.
    /// </summary>
    public static IEndpointRouteBuilder MapTimeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetOrHead("/api/time", (TimeProvider clock) =>
        {
            var now = clock.GetUtcNow();
            var body = new { utc = now, unixTimeMilliseconds = now.ToUnixTimeMilliseconds() };
            var json = JsonSerializer.SerializeToUtf8Bytes(body, JsonSerializerOptions.Web);
            return Representation.Dynamic(json, MediaTypes.Json, CachePolicies.NoStore).ToResult();
        });

        return endpoints;
    }
}
