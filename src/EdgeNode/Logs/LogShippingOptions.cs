using System.Globalization;
using EdgeCompute.EdgeNode.Configuration;

namespace EdgeCompute.EdgeNode.Logs;

/// <summary>
/// How function logs are shipped to the regional origin; bound from the <c>Logs</c> section. Used
/// only with <c>Regional:Url</c> set: without a regional origin the node's own log is the only place.
/// </summary>
public sealed class LogShippingOptions
{
    /// <summary>
    /// False keeps function logs in the node's own log only: for an operator whose log pipeline already
    /// collects every node's log, so that the regional origin need not hold a second copy.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Records held in memory while the regional origin is slow or down; when full the oldest are dropped.</summary>
    public int BufferRecords { get; set; } = 100_000;

    /// <summary>The most records one <c>POST /v1/edge/logs</c> carries.</summary>
    public int BatchRecords { get; set; } = 500;

    /// <summary>How long a record may wait in the buffer before it is shipped.</summary>
    public TimeSpan ShipInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Every setting that is wrong, so that start-up fails with the full list.</summary>
    public List<ConfigError> Validate(string file)
    {
        var errors = new List<ConfigError>();
        if (BufferRecords <= 0)
        {
            errors.Add(new ConfigError(file, "$.Logs.BufferRecords", $"{BufferRecords} must be at least 1 record"));
        }
        if (BatchRecords <= 0)
        {
            errors.Add(new ConfigError(file, "$.Logs.BatchRecords", $"{BatchRecords} must be at least 1 record"));
        }
        if (ShipInterval <= TimeSpan.Zero)
        {
            errors.Add(new ConfigError(file, "$.Logs.ShipInterval",
                $"{ShipInterval.ToString("c", CultureInfo.InvariantCulture)} must be a positive time, e.g. 00:00:01"));
        }
        return errors;
    }
}
