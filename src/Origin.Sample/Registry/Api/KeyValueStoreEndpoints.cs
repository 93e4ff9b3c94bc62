using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.KeyValueStores;

namespace EdgeCompute.Origin.Sample.Registry.Api;

/// <summary><c>/v1/kvs</c>: key-value stores and their items.</summary>
internal static class KeyValueStoreEndpoints
{
    public static RouteGroupBuilder MapKeyValueStores(this RouteGroupBuilder api)
    {
        var kvs = api.MapGroup("/kvs").WithTags("Key-value stores");

        kvs.MapPost("", async (HttpContext http, KeyValueStoreService service, CancellationToken ct) =>
        {
            var request = await RequestJson.ReadAsync<CreateKeyValueStoreRequest>(http.Request, ct);
            var created = await service.CreateAsync(CallerAccount.Get(http), request, ct);
            return TypedResults.Created($"/v1/kvs/{created.Name}", created);
        }).Accepts<CreateKeyValueStoreRequest>("application/json").ProducesProblem(400).ProducesProblem(409);

        kvs.MapGet("", (HttpContext http, KeyValueStoreService service, CancellationToken ct) => service.ListAsync(CallerAccount.Get(http), ct));

        kvs.MapGet("/{name}", (HttpContext http, KeyValueStoreService service, string name, CancellationToken ct) =>
            service.GetAsync(CallerAccount.Get(http), name, ct)).ProducesProblem(404);

        kvs.MapDelete("/{name}", async (HttpContext http, KeyValueStoreService service, string name, CancellationToken ct) =>
        {
            await service.DeleteAsync(CallerAccount.Get(http), name, ct);
            return TypedResults.NoContent();
        }).ProducesProblem(404).ProducesProblem(409);

        kvs.MapGet("/{name}/keys", (HttpContext http, KeyValueStoreService service, string name, CancellationToken ct) =>
            service.ListItemsAsync(CallerAccount.Get(http), name, ct)).ProducesProblem(404);

        // Keys may hold '/', so the key is the rest of the path.
        kvs.MapGet("/{name}/keys/{**key}", (HttpContext http, KeyValueStoreService service, string name, string key, CancellationToken ct) =>
            service.GetItemAsync(CallerAccount.Get(http), name, key, ct)).ProducesProblem(404);

        kvs.MapPut("/{name}/keys/{**key}", async (HttpContext http, KeyValueStoreService service, string name, string key, CancellationToken ct) =>
        {
            var request = await RequestJson.ReadAsync<KeyValueItem>(http.Request, ct);
            return await service.PutItemAsync(CallerAccount.Get(http), name, key, request.Value, ct);
        }).Accepts<KeyValueItem>("application/json").ProducesProblem(400).ProducesProblem(404);

        kvs.MapDelete("/{name}/keys/{**key}", async (HttpContext http, KeyValueStoreService service, string name, string key, CancellationToken ct) =>
        {
            await service.DeleteItemAsync(CallerAccount.Get(http), name, key, ct);
            return TypedResults.NoContent();
        }).ProducesProblem(404);

        kvs.MapPut("/{name}/import", async (HttpContext http, KeyValueStoreService service, string name, CancellationToken ct) =>
        {
            var items = await KeyValueImportReader.ReadAsync(http.Request, ct);
            return await service.ImportAsync(CallerAccount.Get(http), name, items, ct);
        }).Accepts<Dictionary<string, string>>("application/json").ProducesProblem(400).ProducesProblem(404);

        return api;
    }
}
