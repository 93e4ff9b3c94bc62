using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Registry.Accounts;

/// <summary>The account a request's API key belongs to; set by <see cref="AccountKeyFilter"/> for the request's lifetime.</summary>
internal static class CallerAccount
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, AccountRecord account) => context.Items[Key] = account;

    public static AccountRecord Get(HttpContext context) =>
        context.Items[Key] as AccountRecord ?? throw new InvalidOperationException("the endpoint runs without AccountKeyFilter");

    /// <summary>The bearer token of the Authorization header, if any.</summary>
    public static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    public static IResult Unauthorized(string detail) =>
        RegistryProblemFilter.ToResult(new RegistryProblemException(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, detail));
}
