using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Accounts;

/// <summary>Lets a request through only with an account's API key, and records the account for the endpoint.</summary>
internal sealed class AccountKeyFilter(IRegistryStore store) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (CallerAccount.BearerToken(http) is not { } key)
        {
            return CallerAccount.Unauthorized("send the account's API key as 'Authorization: Bearer <apiKey>'");
        }
        AccountRecord? account;
        await using (var session = await store.BeginAsync(write: false, http.RequestAborted))
        {
            account = await session.Accounts.FindByKeyHashAsync(ApiKeys.Hash(key), http.RequestAborted);
        }
        if (account is null)
        {
            return CallerAccount.Unauthorized("the API key is not known");
        }
        CallerAccount.Set(http, account);
        return await next(context);
    }
}
