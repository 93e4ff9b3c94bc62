namespace EdgeCompute.Origin.Sample.Diagnostics;

/// <summary>
/// Records every request in the <see cref="HitCounter"/> before routing, so 404s and
/// failed requests count too: from the edge's point of view they were still origin trips.
/// </summary>
internal sealed class HitCountingMiddleware(RequestDelegate next, HitCounter counter)
{
    public Task InvokeAsync(HttpContext context)
    {
        // The control endpoints are not traffic; counting them would skew every assertion.
        if (!context.Request.Path.StartsWithSegments(HitCounterEndpoints.Prefix, StringComparison.Ordinal))
        {
            counter.Record(context.Request.Path.Value ?? "/");
        }

        return next(context);
    }
}
