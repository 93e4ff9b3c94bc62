using System.Globalization;
using EdgeCompute.Origin.Sample.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace EdgeCompute.Origin.Sample.Probes;

/// <summary>
/// Answers with whatever status the URL asks for, so tests can see how the edge treats
/// errors, redirects and negative caching without a purpose-built origin for each.
/// </summary>
internal static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatus(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/status/{code}", (string code) =>
        {
            // 1xx are interim responses and cannot be a final answer, so they are rejected
            // along with anything that is not a status code at all.
            if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ||
                status is < 200 or > 599)
            {
                return Text($"Status code must be between 200 and 599, got '{code}'.\n")
                    .ToResult(StatusCodes.Status400BadRequest);
            }

            var reason = ReasonPhrases.GetReasonPhrase(status);
            return Text($"{status} {reason}".TrimEnd() + "\n").ToResult(status);
        });

        return endpoints;
    }

    // No validators and no-store: these responses are about status handling, not caching.
    // Tests that need a cacheable error can send the headers they want via /headers.
    private static Representation Text(string text) => Representation.Dynamic(text, MediaTypes.PlainText, CachePolicies.NoStore);
}
