namespace EdgeCompute.Origin.Sample.Observability;

/// <summary>The <c>route</c> label of <c>origin_http_requests_total</c>: a few fixed groups by path, never the path itself.</summary>
internal static class RouteGroups
{
    public static readonly string[] Labels = ["sync", "usage", "registry", "billing", "observability", "content"];

    public static int Index(PathString path)
    {
        if (path.StartsWithSegments("/v1/edge/usage"))
        {
            return 1;
        }
        if (path.StartsWithSegments("/v1/edge"))
        {
            return 0;
        }
        if (path.StartsWithSegments("/v1") || path.StartsWithSegments("/openapi"))
        {
            return 2;
        }
        if (path.StartsWithSegments("/billing"))
        {
            return 3;
        }
        return path.StartsWithSegments("/metrics") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz") ? 4 : 5;
    }
}
