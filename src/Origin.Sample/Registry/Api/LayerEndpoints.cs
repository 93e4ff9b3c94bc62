using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Layers;

namespace EdgeCompute.Origin.Sample.Registry.Api;

/// <summary><c>/v1/layers</c>: layer versions and their permissions.</summary>
internal static class LayerEndpoints
{
    public static RouteGroupBuilder MapLayers(this RouteGroupBuilder api)
    {
        var layers = api.MapGroup("/layers").WithTags("Layers");

        layers.MapPost("/{name}/versions", async (HttpContext http, LayerService service, string name, string? description, CancellationToken ct) =>
        {
            var layer = await service.PublishAsync(CallerAccount.Get(http), name, description, http.Request, ct);
            return TypedResults.Created($"/v1/layers/{name}/versions/{layer.Version}", layer);
        }).Accepts<byte[]>("application/zip").ProducesProblem(400).ProducesProblem(413);

        layers.MapGet("", (HttpContext http, LayerService service, CancellationToken ct) =>
            service.ListAsync(CallerAccount.Get(http), ct));

        layers.MapGet("/{name}/versions", (HttpContext http, LayerService service, string name, CancellationToken ct) =>
            service.ListVersionsAsync(CallerAccount.Get(http), name, ct)).ProducesProblem(404);

        layers.MapGet("/{name}/versions/{version}", (HttpContext http, LayerService service, string name, string version, CancellationToken ct) =>
            service.GetVersionAsync(CallerAccount.Get(http), name, version, ct)).ProducesProblem(404);

        layers.MapPut("/{name}/versions/{version}/permission", async (HttpContext http, LayerService service, string name, string version,
            CancellationToken ct) =>
        {
            var request = await RequestJson.ReadAsync<LayerPermissionRequest>(http.Request, ct);
            return await service.SetPermissionAsync(CallerAccount.Get(http), name, version, request, ct);
        }).Accepts<LayerPermissionRequest>("application/json").ProducesProblem(400).ProducesProblem(404);

        layers.MapDelete("/{name}/versions/{version}", async (HttpContext http, LayerService service, string name, string version,
            CancellationToken ct) =>
        {
            await service.DeleteVersionAsync(CallerAccount.Get(http), name, version, ct);
            return TypedResults.NoContent();
        }).ProducesProblem(404).ProducesProblem(409);

        return api;
    }
}
