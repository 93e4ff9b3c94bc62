using System.Net;
using EdgeCompute.EdgeNode.Regional;

namespace EdgeCompute.EdgeNode.Logs;

/// <summary>
/// Posts log batches (<c>POST /v1/edge/logs</c>) through the node's <see cref="RegionalClient"/>: its
/// node key, <c>X-Edge-Node-Id</c> and connection pool.
/// </summary>
internal sealed class LogBatchSender(RegionalClient client)
{
    private const string LogsPath = "v1/edge/logs";

    /// <summary>A batch of 500 lines is small; an origin that takes longer than this is treated as down.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>This node's name, the first half of every batch id.</summary>
    public string NodeId => client.NodeId;

    /// <summary>The status, and why when it is not <see cref="LogShipStatus.Acknowledged"/>.</summary>
    public async Task<(LogShipStatus Status, string Detail)> SendAsync(LogBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.PostJsonAsync(LogsPath, batch.Body, $"log batch {batch.BatchId}", Deadline, cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (LogShipStatus.Acknowledged, "");
            }
            var detail = $"{(int)response.StatusCode} {response.ReasonPhrase}{await RegionalClient.ProblemDetail(response, cancellationToken)}";
            // Only 400 says the batch itself is wrong; a bad key or a 5xx may be fixed on the other side meanwhile.
            return (response.StatusCode == HttpStatusCode.BadRequest ? LogShipStatus.Rejected : LogShipStatus.Failed, detail);
        }
        catch (RegionalSyncException ex)
        {
            return (LogShipStatus.Failed, ex.Message);
        }
    }
}
