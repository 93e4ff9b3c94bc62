namespace EdgeCompute.Origin.Sample.Logs;

/// <summary>The <c>Logs</c> configuration section: how long function logs are kept, and how often old ones are deleted.</summary>
public sealed class LogsOptions
{
    public const string SectionName = "Logs";

    /// <summary>Log lines older than this many days (by their own time) are deleted, and batch ids received before then forgotten.</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>How often the cleanup runs; the first run is one interval after start.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
