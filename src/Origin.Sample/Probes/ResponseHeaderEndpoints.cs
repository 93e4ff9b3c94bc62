using EdgeCompute.Origin.Sample.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.Origin.Sample.Probes;

/// <summary>
/// Sends back every query pair as a response header, so a test can make the origin emit any
/// caching (or hop-by-hop) header it wants to check the edge against.
/// </summary>
internal static class ResponseHeaderEndpoints
{
    private static readonly byte[] Body = "ok"u8.ToArray();

    public static IEndpointRouteBuilder MapResponseHeaders(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/headers", async (HttpContext context) =>
        {
            var response = context.Response;
            var query = context.Request.Query;

            // Validate everything first so a rejected request carries none of the asked-for headers.
            if (query.FirstOrDefault(p => !IsValidName(p.Key) || p.Value.Any(v => !IsValidValue(v))) is { Key: { } bad })
            {
                // Kestrel would reject these while writing the response (a 500 or a reset);
                // a 400 tells the test author what went wrong.
                await Representation.Dynamic($"Cannot send header '{bad}'.\n", MediaTypes.PlainText, CachePolicies.NoStore)
                    .ToResult(StatusCodes.Status400BadRequest)
                    .ExecuteAsync(context);
                return;
            }

            // Defaults first, so the query can override them (Content-Type, Server, ...).
            response.ContentType = MediaTypes.PlainText;
            foreach (var (name, values) in query)
            {
                // The body is always "ok", so a Content-Length from the query could only lie
                // about it and break the connection's framing.
                if (!name.Equals(HeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
                {
                    response.Headers[name] = values;
                }
            }

            // With an explicit Transfer-Encoding the framing is the test's choice, not ours.
            if (!response.Headers.ContainsKey(HeaderNames.TransferEncoding))
            {
                response.ContentLength = Body.Length;
            }

            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await response.Body.WriteAsync(Body, context.RequestAborted);
            }
        });

        return endpoints;
    }

    // RFC 9110 §5.1: a field name is a token.
    private static bool IsValidName(string name)
        => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));

    // RFC 9110 §5.5: visible ASCII, spaces and tabs (obs-text is not worth supporting here).
    private static bool IsValidValue(string? value)
        => value is null || value.All(c => c is '\t' or (>= ' ' and <= '~'));
}
