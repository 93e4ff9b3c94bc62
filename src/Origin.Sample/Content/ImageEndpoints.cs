using System.Net;
using System.Security.Cryptography;
using System.Text;
using EdgeCompute.Origin.Sample.Http;
using EdgeCompute.Origin.Sample.Imaging;

namespace EdgeCompute.Origin.Sample.Content;

/// <summary>
/// Serves a 16x16 image for any name. The colour is derived from the name, so every URL has
/// its own body (and ETag) while staying identical across requests and restarts.
/// </summary>
internal static class ImageEndpoints
{
    private const int Size = 16;

    public static IEndpointRouteBuilder MapImages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGetOrHead("/images/{name}.png", (string name) =>
        {
            var (r, g, b) = ColorFor(name);
            var png = PngEncoder.SolidColor(Size, Size, r, g, b);
            return Representation.Cacheable(png, MediaTypes.Png, CachePolicies.Image).ToResult();
        });

        endpoints.MapGetOrHead("/images/{name}.svg", (string name) =>
        {
            var (r, g, b) = ColorFor(name);
            var svg = $"""
                <svg xmlns="http://www.w3.org/2000/svg" width="{Size}" height="{Size}" viewBox="0 0 {Size} {Size}">
                  <title>{WebUtility.HtmlEncode(name)}</title>
                  <rect width="{Size}" height="{Size}" fill="#{r:x2}{g:x2}{b:x2}"/>
                </svg>

                """;
            return Representation.Cacheable(svg, MediaTypes.Svg, CachePolicies.Image).ToResult();
        });

        return endpoints;
    }

    private static (byte Red, byte Green, byte Blue) ColorFor(string name)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        return (hash[0], hash[1], hash[2]);
    }
}
