namespace EdgeCompute.Origin.Sample.Http;

internal static class GetOrHeadEndpointRouteBuilderExtensions
{
    private static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// Maps a content endpoint for GET and HEAD. MapGet alone would leave HEAD to the fallback
    /// (a 404), but caches use HEAD to check resources, so every content URL answers both.
    /// </summary>
    public static RouteHandlerBuilder MapGetOrHead(this IEndpointRouteBuilder endpoints, string pattern, Delegate handler)
        => endpoints.MapMethods(pattern, GetOrHead, handler);
}
