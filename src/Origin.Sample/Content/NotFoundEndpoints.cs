namespace EdgeCompute.Origin.Sample.Content;

internal static class NotFoundEndpoints
{
    /// <summary>
    /// Catches every request no other endpoint handles. The explicit "{**path}" pattern matters:
    /// MapFallback's default pattern skips paths that look like files (e.g. /missing.html).
    /// </summary>
    public static IEndpointRouteBuilder MapNotFound(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFallback("{**path}", (HtmlPages pages) => pages.NotFound.ToResult(StatusCodes.Status404NotFound));
        return endpoints;
    }
}
