using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Functions;

namespace EdgeCompute.Origin.Sample.Registry.Api;

/// <summary><c>/v1/functions/{name}/versions</c>: publishing and published versions.</summary>
internal static class VersionEndpoints
{
    public static RouteGroupBuilder MapVersions(this RouteGroupBuilder api)
    {
        var versions = api.MapGroup("/functions/{name}/versions").WithTags("Versions");

        versions.MapPost("", async Task<IResult> (HttpContext http, VersionService service, string name, CancellationToken ct) =>
        {
            // The body is optional: an empty POST publishes without a description. (No Accepts metadata:
            // it would make routing refuse a request without a Content-Type.)
            var request = http.Request.ContentLength is 0 || !http.Request.HasJsonContentType()
                ? new PublishRequest()
                : await RequestJson.ReadAsync<PublishRequest>(http.Request, ct);
            var (version, created) = await service.PublishAsync(CallerAccount.Get(http), name, request.Description, ct);
            return created ? TypedResults.Created($"/v1/functions/{name}/versions/{version.Version}", version) : TypedResults.Ok(version);
        }).Produces<VersionResponse>(201).Produces<VersionResponse>(200)
            .ProducesProblem(400).ProducesProblem(404);

        versions.MapGet("", (HttpContext http, VersionService service, string name, CancellationToken ct) =>
            service.ListAsync(CallerAccount.Get(http), name, ct)).ProducesProblem(404);

        versions.MapGet("/{version}", (HttpContext http, VersionService service, string name, string version, CancellationToken ct) =>
            service.GetAsync(CallerAccount.Get(http), name, version, ct)).ProducesProblem(404);

        versions.MapDelete("/{version}", async (HttpContext http, VersionService service, string name, string version, CancellationToken ct) =>
        {
            await service.DeleteAsync(CallerAccount.Get(http), name, version, ct);
            return TypedResults.NoContent();
        }).ProducesProblem(404).ProducesProblem(409);

        return api;
    }
}
