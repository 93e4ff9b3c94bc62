using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Registry.Api;

/// <summary><c>POST /v1/accounts</c> (admin key) and <c>GET /v1/account</c> (the caller's).</summary>
internal static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountCreation(this RouteGroupBuilder admin)
    {
        admin.MapPost("/accounts", async (HttpContext http, AccountService service, CancellationToken ct) =>
        {
            var request = await RequestJson.ReadAsync<CreateAccountRequest>(http.Request, ct);
            if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 64)
            {
                throw RegistryProblemException.Invalid("an account needs a name of 1–64 characters");
            }
            var created = await service.CreateAsync(request.Name.Trim(), ct);
            return TypedResults.Created("/v1/account", created);
        }).WithTags("Accounts").Accepts<CreateAccountRequest>("application/json").ProducesProblem(400).ProducesProblem(401);
        return admin;
    }

    public static RouteGroupBuilder MapAccount(this RouteGroupBuilder api)
    {
        api.MapGet("/account", (HttpContext http) => TypedResults.Ok(CallerAccount.Get(http))).WithTags("Accounts");
        return api;
    }
}
