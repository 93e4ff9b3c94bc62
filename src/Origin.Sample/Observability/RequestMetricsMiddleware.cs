namespace EdgeCompute.Origin.Sample.Observability;

/// <summary>Counts every request once answered, whichever endpoint (or none) took it.</summary>
internal sealed class RequestMetricsMiddleware(RequestDelegate next, OriginMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch
        {
            metrics.RecordRequest(context.Request.Path, StatusCodes.Status500InternalServerError);
            throw;
        }
        metrics.RecordRequest(context.Request.Path, context.Response.StatusCode);
    }
}
