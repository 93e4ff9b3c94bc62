using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Functions;

namespace EdgeCompute.Origin.Sample.Registry.Api;

/// <summary><c>/v1/functions</c>: functions and their <c>$LATEST</c> code and settings.</summary>
internal static class FunctionEndpoints
{
    public static RouteGroupBuilder MapFunctions(this RouteGroupBuilder api)
    {
        var functions = api.MapGroup("/functions").WithTags("Functions");

        functions.MapPost("", async (HttpContext http, FunctionService service, CancellationToken ct) =>
        {
            var request = await RequestJson.ReadAsync<FunctionSettingsRequest>(http.Request, ct);
            var created = await service.CreateAsync(CallerAccount.Get(http), request, ct);
            return TypedResults.Created($"/v1/functions/{created.Name}", created);
        }).Accepts<FunctionSettingsRequest>("application/json").ProducesProblem(400).ProducesProblem(409);

        functions.MapGet("", (HttpContext http, FunctionService service, CancellationToken ct) =>
            service.ListAsync(CallerAccount.Get(http), ct));

        functions.MapGet("/{name}", (HttpContext http, FunctionService service, string name, CancellationToken ct) =>
            service.GetAsync(CallerAccount.Get(http), name, ct)).ProducesProblem(404);

        functions.MapPatch("/{name}", async (HttpContext http, FunctionService service, string name, CancellationToken ct) =>
        {
            var request = await RequestJson.ReadAsync<FunctionSettingsRequest>(http.Request, ct);
            return await service.PatchAsync(CallerAccount.Get(http), name, request, ct);
        }).Accepts<FunctionSettingsRequest>("application/json").ProducesProblem(400).ProducesProblem(404);

        functions.MapPut("/{name}/code", (HttpContext http, FunctionService service, string name, CancellationToken ct) =>
            service.UploadCodeAsync(CallerAccount.Get(http), name, http.Request, ct))
            .Accepts<byte[]>("application/zip", "application/json").ProducesProblem(400).ProducesProblem(404).ProducesProblem(413);

        functions.MapDelete("/{name}", async (HttpContext http, FunctionService service, string name, CancellationToken ct) =>
        {
            await service.DeleteAsync(CallerAccount.Get(http), name, ct);
            return TypedResults.NoContent();
        }).ProducesProblem(404).ProducesProblem(409);

        return api;
    }
}
