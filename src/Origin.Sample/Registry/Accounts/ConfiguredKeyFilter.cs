using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Registry.Accounts;

/// <summary>
/// Lets a request through only with one of the keys the operator configured: the admin key for
/// account creation, node keys for <c>/v1/edge/*</c>.
/// </summary>
internal sealed class ConfiguredKeyFilter(IOptions<RegistryOptions> options, bool admin) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var keys = admin
            ? (string.IsNullOrEmpty(options.Value.AdminKey) ? [] : [options.Value.AdminKey])
            : options.Value.NodeKeys.Where(k => !string.IsNullOrEmpty(k)).ToList();
        var presented = CallerAccount.BearerToken(context.HttpContext);
        if (presented is null || !keys.Any(k => ApiKeys.Matches(presented, k)))
        {
            return CallerAccount.Unauthorized(admin
                ? (keys.Count == 0 ? "account creation over HTTP is disabled (no Registry:AdminKey)" : "send the admin key as 'Authorization: Bearer <key>'")
                : "send a node key (Registry:NodeKeys) as 'Authorization: Bearer <key>'");
        }
        return await next(context);
    }
}
