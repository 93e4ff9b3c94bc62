namespace EdgeCompute.Origin.Sample.Observability;

/// <summary>Puts request counting first in the pipeline, so it sees every answer, unmatched paths and errors included.</summary>
internal sealed class RequestMetricsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<RequestMetricsMiddleware>();
        next(app);
    };
}
