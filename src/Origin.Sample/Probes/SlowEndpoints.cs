using System.Globalization;
using EdgeCompute.Origin.Sample.Http;

namespace EdgeCompute.Origin.Sample.Probes;

/// <summary>Delays the response so tests can exercise the edge's origin timeouts.</summary>
internal static class SlowEndpoints
{
    private const int DefaultDelayMs = 1_000;
    private const int MaxDelayMs = 60_000;

    public static IEndpointRouteBuilder MapSlow(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map("/slow", async (HttpContext context) =>
        {
            var ms = DefaultDelayMs;
            var raw = context.Request.Query["ms"];
            if (raw.Count > 0 && !int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out ms))
            {
                return Text($"Query parameter 'ms' must be a non-negative integer, got '{raw}'.\n")
                    .ToResult(StatusCodes.Status400BadRequest);
            }

            ms = Math.Min(ms, MaxDelayMs);
            try
            {
                await Task.Delay(ms, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The caller (typically the edge after its timeout) gave up; nobody is
                // listening, so there is nothing to write.
                return Results.Empty;
            }

            return Text($"Slept {ms} ms.\n").ToResult();
        });

        return endpoints;
    }

    private static Representation Text(string text) => Representation.Dynamic(text, MediaTypes.PlainText, CachePolicies.NoStore);
}
