using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Api;
using EdgeCompute.Origin.Sample.Registry.Problems;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Registry;

public static class RegistryEndpointRouteBuilderExtensions
{
    /// <summary>Maps the registry's API under <c>/v1</c> and its OpenAPI document at <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<RegistryOptions>>();
        // Outermost, so that refusals from the key filters and the endpoints alike become problem details.
        var v1 = endpoints.MapGroup("/v1").AddEndpointFilter<RegistryProblemFilter>();

        v1.MapGroup("").AddEndpointFilter(new ConfiguredKeyFilter(options, admin: true)).MapAccountCreation();
        v1.MapGroup("/edge").AddEndpointFilter(new ConfiguredKeyFilter(options, admin: false)).MapEdge();

        // Everything else acts for the account whose key the request carries.
        v1.MapGroup("").AddEndpointFilter<AccountKeyFilter>()
            .MapAccount()
            .MapFunctions()
            .MapVersions()
            .MapAliases()
            .MapLayers()
            .MapKeyValueStores()
            .MapDistributions()
            .MapNodes();

        // Without it, a /v1 request no route takes (unknown path, or a body of another media type)
        // would reach the sample content's HTML 404.
        v1.Map("/{**path}", RegistryFallback.Answer).ExcludeFromDescription();

        endpoints.MapOpenApi();
        return endpoints;
    }
}
