using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prometheus;

namespace EdgeCompute.EdgeNode.Observability;

/// <summary>
/// <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> on the admin listener, never on the traffic port
/// (every viewer path belongs to the distributions). Read-only and without the admin token, so that
/// probes and Prometheus reach them; keep the admin listener on a private interface.
/// </summary>
internal sealed class ObservabilityEndpoints
{
    private readonly Readiness _readiness;
    private readonly CollectorRegistry? _registry;
    private readonly NodeStateMetrics? _state;
    private readonly EdgeMetrics? _metrics;

    /// <param name="state">Null when <c>Metrics:Enabled</c> is false: no <c>/metrics</c>.</param>
    public ObservabilityEndpoints(Readiness readiness, NodeStateMetrics? state = null, CollectorRegistry? registry = null, EdgeMetrics? metrics = null)
    {
        _readiness = readiness;
        _state = state;
        _metrics = metrics;
        _registry = state is null ? null : registry;
    }

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/readyz", Ready);
        if (_registry is not null)
        {
            endpoints.MapGet("/metrics", ExportAsync);
        }
    }

    private IResult Ready() => _readiness.NotReadyReason() is { } reason
        ? Results.Text("not ready: " + reason, statusCode: StatusCodes.Status503ServiceUnavailable)
        : Results.Text("ready");

    private async Task ExportAsync(HttpContext context)
    {
        _state!.Collect();
        _metrics?.Collect();
        context.Response.ContentType = PrometheusConstants.TextContentTypeWithVersionAndEncoding;
        await _registry!.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
    }
}
