using EdgeCompute.Origin.Sample.Billing.Storage;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Billing.Ingestion;

/// <summary>Takes a node's usage batch: validate, sum, then store the batch and its sums in one transaction.</summary>
internal sealed class UsageIngestionService(IUsageStore store, ILogger<UsageIngestionService> logger, Observability.OriginMetrics? metrics = null)
{
    public async Task<IngestResult> IngestAsync(UsageBatchRequest request, string? nodeIdHeader, CancellationToken cancellationToken)
    {
        IReadOnlyList<UsageRecord> records;
        try
        {
            records = UsageBatchValidator.Validate(request);
        }
        catch (RegistryProblemException problem)
        {
            // The node sets the segment aside for good; the log is where an operator finds why.
            BillingLog.BatchRejected(logger, request.BatchId, problem.Message);
            throw;
        }
        var nodeId = request.NodeId ?? nodeIdHeader ?? "";
        var batch = new UsageBatch(request.BatchId!, nodeId, records.Count, UsageAggregator.Aggregate(records));
        var result = await store.IngestAsync(batch, cancellationToken);
        if (result.Duplicate)
        {
            BillingLog.DuplicateBatch(logger, batch.BatchId, nodeId);
            metrics?.BatchesDuplicate.Inc();
        }
        else
        {
            BillingLog.BatchIngested(logger, batch.BatchId, nodeId, batch.Records, batch.Aggregates.Count);
            metrics?.BatchesIngested.Inc();
            metrics?.RecordsIngested.Inc(batch.Records);
        }
        return result;
    }
}
