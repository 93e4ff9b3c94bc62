using EdgeCompute.Origin.Sample.Logs.Query;
using EdgeCompute.Origin.Sample.Logs.Storage;
using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Logs.Api;

/// <summary>
/// <c>GET /logs?function=&amp;since=&amp;until=&amp;requestId=&amp;contains=&amp;limit=&amp;cursor=</c> (account key):
/// the caller's own account's lines only, by time, node and sequence.
/// </summary>
internal static class LogQueryEndpoints
{
    public static IEndpointRouteBuilder MapLogQuery(this IEndpointRouteBuilder endpoints)
    {
        // Mapped on its own, not as a group: a group's "" route would be documented as "/logs/".
        endpoints.MapGet("/logs", async (HttpContext http, ILogStore store, CancellationToken ct) =>
        {
            var query = LogQueryParser.Parse(http.Request.Query);
            var entries = await store.QueryAsync(CallerAccount.Get(http).Id, query, ct);
            var items = entries.Take(query.Limit).ToList();
            var next = items.Count > 0 ? new LogCursor(items[^1].Time, items[^1].NodeId, items[^1].Sequence) : query.After;
            return TypedResults.Ok(new LogPage(items.Select(LogItem.From).ToList(), next?.ToString(), entries.Count > query.Limit));
        }).AddEndpointFilter<RegistryProblemFilter>().AddEndpointFilter<AccountKeyFilter>()
            .WithTags("Logs").Produces<LogPage>().ProducesProblem(400).ProducesProblem(401);
        return endpoints;
    }
}
