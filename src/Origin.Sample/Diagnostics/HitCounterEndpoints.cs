using System.Text.Json;
using EdgeCompute.Origin.Sample.Http;

namespace EdgeCompute.Origin.Sample.Diagnostics;

internal static class HitCounterEndpoints
{
    public const string Prefix = "/_origin";

    public static IEndpointRouteBuilder MapHitCounter(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(Prefix + "/hits", [HttpMethods.Get, HttpMethods.Head], (HitCounter counter) =>
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(counter.Snapshot(), JsonSerializerOptions.Web);
            return Representation.Dynamic(json, MediaTypes.Json, CachePolicies.NoStore).ToResult();
        });

        endpoints.MapPost(Prefix + "/hits/reset", (HitCounter counter, HttpResponse response) =>
        {
            counter.Reset();
            response.Headers.CacheControl = CachePolicies.NoStore;
            return Results.NoContent();
        });

        return endpoints;
    }
}
