using System.Net;
using System.Text.Json;
using EdgeCompute.EdgeNode.Regional;

namespace EdgeCompute.EdgeNode.Metering;

/// <summary>
/// Posts usage batches to the regional origin (<c>POST /v1/edge/usage</c>) through the node's
/// <see cref="RegionalClient"/>: its node key, <c>X-Edge-Node-Id</c> and connection pool.
/// </summary>
internal sealed class UsageBatchSender
{
    private const string UsagePath = "v1/edge/usage";

    /// <summary>A batch is at most a few hundred KB; an origin that takes longer than this is treated as down.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly RegionalClient _client;

    public UsageBatchSender(RegionalClient client) => _client = client;

    /// <summary>This node's name, the first half of every batch id.</summary>
    public string NodeId => _client.NodeId;

    public async Task<UsageReportResult> SendAsync(UsageBatch batch, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _client.PostJsonAsync(UsagePath, batch.Body, $"usage batch {batch.BatchId}", Deadline, cancellationToken);
        }
        catch (RegionalSyncException ex)
        {
            return new UsageReportResult(UsageReportStatus.Failed, ex.Message);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await AcknowledgedAsync(response, cancellationToken);
            }
            var detail = $"{(int)response.StatusCode} {response.ReasonPhrase}{await RegionalClient.ProblemDetail(response, cancellationToken)}";
            // Only 400 means "this batch is wrong": anything else (a bad node key, a proxy's 404, 5xx) may
            // be fixed on the other side, and the usage must not be lost meanwhile.
            return response.StatusCode == HttpStatusCode.BadRequest
                ? new UsageReportResult(UsageReportStatus.Rejected, detail)
                : new UsageReportResult(UsageReportStatus.Failed, "the regional origin answered " + detail);
        }
    }

    /// <summary>A 200 is the acknowledgement whatever its body; the body's counts only go to the log.</summary>
    private static async Task<UsageReportResult> AcknowledgedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = answer.RootElement;
            var accepted = root.TryGetProperty("accepted", out var a) && a.TryGetInt32(out var n) ? n : 0;
            var duplicate = root.TryGetProperty("duplicate", out var d) && d.ValueKind == JsonValueKind.True;
            return new UsageReportResult(UsageReportStatus.Acknowledged, "", accepted, duplicate);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return new UsageReportResult(UsageReportStatus.Acknowledged, "");
        }
    }
}
