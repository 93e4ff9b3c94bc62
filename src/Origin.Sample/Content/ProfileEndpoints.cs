using System.Text.Json;
using EdgeCompute.Origin.Sample.Http;

namespace EdgeCompute.Origin.Sample.Content;

internal static class ProfileEndpoints
{
    // Fixed so the ETag is stable; what matters for the edge is the "private" directive,
    // which forbids shared caches from storing it however cacheable it otherwise looks.
    private static readonly Representation Profile = Representation.Cacheable(
        JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                id = "user-42",
                name = "Sample User",
                email = "sample.user@example.com",
                plan = "pro",
                preferences = new { theme = "dark", language = "en" },
            },
            JsonSerializerOptions.Web),
        MediaTypes.Json,
        CachePolicies.PrivateData);

    public static IEndpointRouteBuilder MapProfile(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetOrHead("/private/profile", () => Profile.ToResult());
        return endpoints;
    }
}
