using EdgeCompute.Origin.Sample.Diagnostics;

namespace EdgeCompute.Origin.Sample.Hosting;

/// <summary>
/// Puts the origin's cross-cutting middleware in front of the app's own pipeline, so it is
/// wired up by <c>AddSampleOrigin()</c> alone and also applies to requests no endpoint matches.
/// </summary>
internal sealed class SampleOriginStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<OriginHeadersMiddleware>();
        app.UseMiddleware<HitCountingMiddleware>();
        next(app);
    };
}
