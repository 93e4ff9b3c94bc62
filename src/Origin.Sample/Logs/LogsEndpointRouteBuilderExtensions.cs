using EdgeCompute.Origin.Sample.Logs.Api;
using EdgeCompute.Origin.Sample.Registry;
using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Problems;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Logs;

public static class LogsEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>POST /v1/edge/logs</c> (node key) and <c>GET /logs</c> (account key), with the registry's keys and problem details.</summary>
    public static IEndpointRouteBuilder MapLogs(this IEndpointRouteBuilder endpoints)
    {
        var registry = endpoints.ServiceProvider.GetRequiredService<IOptions<RegistryOptions>>();
        endpoints.MapGroup("/v1/edge").AddEndpointFilter<RegistryProblemFilter>()
            .AddEndpointFilter(new ConfiguredKeyFilter(registry, admin: false)).MapLogIngestion();
        endpoints.MapLogQuery();
        return endpoints;
    }
}
