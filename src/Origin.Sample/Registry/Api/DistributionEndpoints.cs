using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Distributions;

namespace EdgeCompute.Origin.Sample.Registry.Api;

/// <summary><c>/v1/distributions</c>: distributions and their function bindings.</summary>
internal static class DistributionEndpoints
{
    public static RouteGroupBuilder MapDistributions(this RouteGroupBuilder api)
    {
        var distributions = api.MapGroup("/distributions").WithTags("Distributions");

        distributions.MapPut("/{id}", async Task<IResult> (HttpContext http, DistributionService service, string id, CancellationToken ct) =>
        {
            var document = await RequestJson.ReadAsync<DistributionDocument>(http.Request, ct);
            var (saved, created) = await service.PutAsync(CallerAccount.Get(http), id, document, ct);
            return created ? TypedResults.Created($"/v1/distributions/{id}", saved) : TypedResults.Ok(saved);
        }).Accepts<DistributionDocument>("application/json").Produces<DistributionDocument>(200).Produces<DistributionDocument>(201)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        distributions.MapPost("", async (HttpContext http, DistributionService service, CancellationToken ct) =>
        {
            var document = await RequestJson.ReadAsync<DistributionDocument>(http.Request, ct);
            var saved = await service.CreateAsync(CallerAccount.Get(http), document, ct);
            return TypedResults.Created($"/v1/distributions/{saved.Id}", saved);
        }).Accepts<DistributionDocument>("application/json").ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        distributions.MapGet("", (HttpContext http, DistributionService service, CancellationToken ct) =>
            service.ListAsync(CallerAccount.Get(http), ct));

        distributions.MapGet("/{id}", (HttpContext http, DistributionService service, string id, CancellationToken ct) =>
            service.GetAsync(CallerAccount.Get(http), id, ct)).ProducesProblem(404);

        distributions.MapDelete("/{id}", async (HttpContext http, DistributionService service, string id, CancellationToken ct) =>
        {
            await service.DeleteAsync(CallerAccount.Get(http), id, ct);
            return TypedResults.NoContent();
        }).ProducesProblem(404);

        distributions.MapPut("/{id}/bindings", async (HttpContext http, DistributionService service, string id, CancellationToken ct) =>
        {
            var request = await RequestJson.ReadAsync<BindingRequest>(http.Request, ct);
            return await service.AddBindingAsync(CallerAccount.Get(http), id, request, ct);
        }).Accepts<BindingRequest>("application/json").ProducesProblem(400).ProducesProblem(404);

        distributions.MapDelete("/{id}/bindings", (HttpContext http, DistributionService service, string id, string? pathPattern,
            string? @event, CancellationToken ct) =>
            service.RemoveBindingAsync(CallerAccount.Get(http), id, pathPattern, @event, ct)).ProducesProblem(404);

        return api;
    }
}
