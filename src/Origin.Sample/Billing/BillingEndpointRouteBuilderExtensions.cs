using EdgeCompute.Origin.Sample.Billing.Api;
using EdgeCompute.Origin.Sample.Registry;
using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Api;
using EdgeCompute.Origin.Sample.Registry.Problems;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Billing;

public static class BillingEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST /v1/edge/usage</c> (node key) and <c>/billing/*</c> (account key), with the
    /// registry's keys and problem details.
    /// </summary>
    public static IEndpointRouteBuilder MapBilling(this IEndpointRouteBuilder endpoints)
    {
        var registry = endpoints.ServiceProvider.GetRequiredService<IOptions<RegistryOptions>>();
        endpoints.MapGroup("/v1/edge").AddEndpointFilter<RegistryProblemFilter>()
            .AddEndpointFilter(new ConfiguredKeyFilter(registry, admin: false)).MapUsageReports();

        var billing = endpoints.MapGroup("/billing").AddEndpointFilter<RegistryProblemFilter>();
        billing.MapGroup("").AddEndpointFilter<AccountKeyFilter>().MapBillingReports();
        // Else an unknown /billing path would get the sample content's HTML 404.
        billing.Map("/{**path}", RegistryFallback.Answer).ExcludeFromDescription();
        return endpoints;
    }
}
