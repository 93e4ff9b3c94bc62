using System.Globalization;
using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Regional;

namespace EdgeCompute.EdgeNode.Metering;

/// <summary>
/// Usage metering (docs/usage-contract.md); bound from the <c>Metering</c> section. Metering runs when
/// <see cref="Enabled"/> is true or <c>Regional:Url</c> is set; only the latter reports the spool.
/// </summary>
public sealed class MeteringOptions
{
    /// <summary>Meters and spools usage even without a regional origin (with one, metering is always on).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Billed durations are rounded up to a multiple of this: 1 (Lambda's rule today, the default) or 100
    /// (the classic rule). Any positive number of milliseconds is accepted.
    /// </summary>
    public int GranularityMs { get; set; } = 1;

    /// <summary>
    /// Where segment files go, relative to the config file's folder; default <c>{Regional:DataDirectory}/usage</c>
    /// with a regional origin, else <c>data/usage</c>.
    /// </summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>A segment is sealed (and becomes one report batch) when it holds this many records.</summary>
    public int SegmentRecords { get; set; } = 1000;

    /// <summary>A segment is sealed when it is older than this, so a quiet node still reports within seconds.</summary>
    public double SegmentSeconds { get; set; } = 2;

    /// <summary>Open and sealed segments together stay below this; past it records are dropped and counted.</summary>
    public long MaxSpoolBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>True when the node meters: <see cref="Enabled"/>, or a regional origin to report to.</summary>
    public bool IsActive(RegionalOptions regional) => Enabled || regional.Enabled;

    /// <summary>The spool as a full path; relative paths resolved against <paramref name="configPath"/>'s folder.</summary>
    public string SpoolDirectoryFor(string configPath, RegionalOptions regional)
    {
        if (string.IsNullOrWhiteSpace(SpoolDirectory) && regional.Enabled)
        {
            return Path.Combine(regional.DataDirectoryFor(configPath), "usage");
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? ".";
        return Path.GetFullPath(Path.Combine(folder, string.IsNullOrWhiteSpace(SpoolDirectory) ? "data/usage" : SpoolDirectory));
    }

    /// <summary>Every setting that is wrong, so that start-up fails with the full list.</summary>
    public List<ConfigError> Validate(string file)
    {
        var errors = new List<ConfigError>();
        if (GranularityMs <= 0)
        {
            errors.Add(new ConfigError(file, "$.Metering.GranularityMs",
                $"{GranularityMs} is not a positive number of milliseconds (1: Lambda's rule, 100: the classic one)"));
        }
        if (SegmentRecords <= 0)
        {
            errors.Add(new ConfigError(file, "$.Metering.SegmentRecords", $"{SegmentRecords} must be at least 1 record"));
        }
        if (!(SegmentSeconds > 0) || double.IsInfinity(SegmentSeconds))
        {
            errors.Add(new ConfigError(file, "$.Metering.SegmentSeconds",
                $"{SegmentSeconds.ToString(CultureInfo.InvariantCulture)} must be a positive number of seconds"));
        }
        if (MaxSpoolBytes <= 0)
        {
            errors.Add(new ConfigError(file, "$.Metering.MaxSpoolBytes", "must be more than 0 bytes"));
        }
        if (SpoolDirectory is not null && string.IsNullOrWhiteSpace(SpoolDirectory))
        {
            errors.Add(new ConfigError(file, "$.Metering.SpoolDirectory", "is empty: leave it out for the default, or name a folder"));
        }
        return errors;
    }
}
