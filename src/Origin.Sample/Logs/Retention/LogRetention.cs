using EdgeCompute.Origin.Sample.Logs.Storage;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Logs.Retention;

/// <summary>Deletes the log lines older than <see cref="LogsOptions.RetentionDays"/>; one run, called by <see cref="LogRetentionService"/>.</summary>
internal sealed class LogRetention(ILogStore store, IOptions<LogsOptions> options, TimeProvider time, ILogger<LogRetention> logger)
{
    /// <summary>How many lines went.</summary>
    public async Task<int> CleanAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.Value.RetentionDays);
        var deleted = await store.DeleteBeforeAsync(cutoff, cancellationToken);
        LogsLog.Cleaned(logger, deleted, cutoff);
        return deleted;
    }
}
