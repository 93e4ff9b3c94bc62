using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Functions;

namespace EdgeCompute.Origin.Sample.Registry.Api;

/// <summary><c>/v1/functions/{name}/aliases</c>.</summary>
internal static class AliasEndpoints
{
    public static RouteGroupBuilder MapAliases(this RouteGroupBuilder api)
    {
        var aliases = api.MapGroup("/functions/{name}/aliases").WithTags("Aliases");

        aliases.MapPut("/{alias}", async (HttpContext http, AliasService service, string name, string alias, CancellationToken ct) =>
        {
            var request = await RequestJson.ReadAsync<AliasDocument>(http.Request, ct);
            return await service.PutAsync(CallerAccount.Get(http), name, alias, request, ct);
        }).Accepts<AliasDocument>("application/json").ProducesProblem(400).ProducesProblem(404);

        aliases.MapGet("", (HttpContext http, AliasService service, string name, CancellationToken ct) =>
            service.ListAsync(CallerAccount.Get(http), name, ct)).ProducesProblem(404);

        aliases.MapGet("/{alias}", (HttpContext http, AliasService service, string name, string alias, CancellationToken ct) =>
            service.GetAsync(CallerAccount.Get(http), name, alias, ct)).ProducesProblem(404);

        aliases.MapDelete("/{alias}", async (HttpContext http, AliasService service, string name, string alias, CancellationToken ct) =>
        {
            await service.DeleteAsync(CallerAccount.Get(http), name, alias, ct);
            return TypedResults.NoContent();
        }).ProducesProblem(404).ProducesProblem(409);

        return api;
    }
}
