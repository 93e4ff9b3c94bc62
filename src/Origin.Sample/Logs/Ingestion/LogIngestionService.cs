using EdgeCompute.Origin.Sample.Logs.Storage;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Logs.Ingestion;

/// <summary>Takes a node's log batch: validate, then store the batch id and its lines in one transaction.</summary>
internal sealed class LogIngestionService(ILogStore store, ILogger<LogIngestionService> logger)
{
    public async Task<LogIngestResult> IngestAsync(LogBatchRequest request, string? nodeIdHeader, CancellationToken cancellationToken)
    {
        LogBatch batch;
        try
        {
            batch = LogBatchValidator.Validate(request, nodeIdHeader);
        }
        catch (RegistryProblemException problem)
        {
            // The node drops a refused batch; the log is where an operator finds why.
            LogsLog.BatchRejected(logger, request.BatchId, problem.Message);
            throw;
        }
        var result = await store.IngestAsync(batch, cancellationToken);
        if (result.Duplicate)
        {
            LogsLog.DuplicateBatch(logger, batch.BatchId, batch.NodeId);
        }
        else
        {
            LogsLog.BatchIngested(logger, batch.BatchId, batch.NodeId, result.Accepted);
        }
        return result;
    }
}
