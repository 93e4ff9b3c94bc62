using EdgeCompute.EdgeNode.Pipeline;
using Microsoft.AspNetCore.Http;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>
/// Counts each viewer request once its answer is done: <c>edge_requests_total</c> and the byte
/// counters, labelled from the request's <see cref="EdgeRequestFeature"/> (none when no distribution served it).
/// </summary>
internal sealed class RequestMetricsRecorder
{
    private readonly EdgeMetrics _metrics;

    public RequestMetricsRecorder(EdgeMetrics metrics)
    {
        _metrics = metrics;
    }

    /// <summary>Runs <paramref name="next"/>, then records its answer (as a 500 when it threw).</summary>
    // Not an async lambda: a request that completes synchronously (many cache hits do) then costs no
    // state machine here, only the recording itself.
    public RequestDelegate Around(RequestDelegate next) => context =>
    {
        Task task;
        try
        {
            task = next(context);
        }
        catch
        {
            Record(context, StatusCodes.Status500InternalServerError);
            throw;
        }
        if (task.IsCompletedSuccessfully)
        {
            Record(context, context.Response.StatusCode);
            return Task.CompletedTask;
        }
        return AwaitThenRecordAsync(task, context);
    };

    private async Task AwaitThenRecordAsync(Task task, HttpContext context)
    {
        try
        {
            await task;
        }
        catch
        {
            Record(context, StatusCodes.Status500InternalServerError);
            throw;
        }
        Record(context, context.Response.StatusCode);
    }

    private void Record(HttpContext context, int status)
    {
        var edge = context.Features.Get<EdgeRequestFeature>();
        var request = context.Request;
        var response = context.Response;
        var responseBytes = HttpMethods.IsHead(request.Method) ? 0 : response.ContentLength ?? 0;
        _metrics.ForBehavior(edge?.Distribution, edge?.Behavior)
            .Record(status, edge?.CacheResult ?? CacheResult.Error, request.ContentLength ?? 0, responseBytes);
    }
}
