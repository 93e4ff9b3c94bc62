using EdgeCompute.Origin.Sample.Registry.Storage;
using Prometheus;

namespace EdgeCompute.Origin.Sample.Observability;

/// <summary>
/// <c>/healthz</c> (alive), <c>/readyz</c> (the registry database opens and answers) and <c>/metrics</c>
/// (Prometheus text). Without keys, like the sample content: they reveal counts, no tenant data.
/// </summary>
internal static class OriginHealthEndpoints
{
    public static IEndpointRouteBuilder MapOriginObservability(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok")).ExcludeFromDescription();
        endpoints.MapGet("/readyz", ReadyAsync).ExcludeFromDescription();
        endpoints.MapGet("/metrics", ExportAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ReadyAsync(IRegistryStore store, CancellationToken cancellationToken)
    {
        try
        {
            await using var session = await store.BeginAsync(write: false, cancellationToken);
            await session.GetRevisionAsync(cancellationToken);
            return Results.Text("ready");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Text("not ready: the registry database does not open: " + ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task ExportAsync(HttpContext context, CollectorRegistry registry, RegistryStateMetrics state)
    {
        await state.CollectAsync(context.RequestAborted);
        context.Response.ContentType = PrometheusConstants.TextContentTypeWithVersionAndEncoding;
        await registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
    }
}
