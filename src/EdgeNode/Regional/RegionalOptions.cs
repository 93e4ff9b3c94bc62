using EdgeCompute.EdgeNode.Configuration;

namespace EdgeCompute.EdgeNode.Regional;

/// <summary>
/// Where the node's distributions come from when a regional registry serves them; bound from the
/// <c>Regional</c> section. Without <see cref="Url"/> the node runs from its config file alone.
/// </summary>
public sealed class RegionalOptions
{
    /// <summary>The registry's base address, e.g. <c>http://127.0.0.1:8081</c>. Setting it switches the node to regional mode.</summary>
    public string? Url { get; set; }

    /// <summary>The bearer key the registry accepts on <c>/v1/edge/*</c> (its <c>Registry:NodeKeys</c>).</summary>
    public string? NodeKey { get; set; }

    /// <summary>Snapshots and bundles on disk; relative to the config file's folder, as every path in it.</summary>
    public string DataDirectory { get; set; } = "data/edge";

    /// <summary>How long one long-poll may wait for a change (the registry allows at most 60 s).</summary>
    public int PollWaitSeconds { get; set; } = 25;

    /// <summary>This node's name to the registry (<c>X-Edge-Node-Id</c>); <c>Runtime:NodeId</c> when absent.</summary>
    public string? NodeId { get; set; }

    /// <summary>The first wait after a failed sync; each further failure doubles it up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan MinRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The delay after <paramref name="current"/> when a retry fails again: doubled, at most <see cref="MaxRetryDelay"/>.
    /// One rule for everything that talks to the registry (sync, usage reports, log shipping).</summary>
    public TimeSpan NextRetryDelay(TimeSpan current) => TimeSpan.FromTicks(Math.Min(current.Ticks * 2, MaxRetryDelay.Ticks));

    /// <summary>A bundle larger than this is refused while it downloads (the registry's own limit by default).</summary>
    public long MaxBundleBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary><c>/readyz</c> answers 503 when the last successful contact with the registry is older than this.</summary>
    public TimeSpan ReadyStaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>True when <see cref="Url"/> is set: the registry, not the config file, provides the distributions.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary><see cref="DataDirectory"/> as a full path, relative paths resolved against <paramref name="configPath"/>'s folder.</summary>
    public string DataDirectoryFor(string configPath) =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath)) ?? ".", DataDirectory));

    /// <summary>Every setting that is wrong, so that start-up fails with the full list.</summary>
    public List<ConfigError> Validate(string file)
    {
        var errors = new List<ConfigError>();
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new ConfigError(file, "$.Regional.Url", $"'{Url}' is not an http or https URL"));
        }
        if (string.IsNullOrWhiteSpace(NodeKey))
        {
            errors.Add(new ConfigError(file, "$.Regional.NodeKey", "is required when Regional.Url is set: the registry answers nodes only with one of its node keys"));
        }
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            errors.Add(new ConfigError(file, "$.Regional.DataDirectory", "is required: the node keeps its last good snapshot there"));
        }
        if (PollWaitSeconds is < 1 or > 60)
        {
            errors.Add(new ConfigError(file, "$.Regional.PollWaitSeconds", $"{PollWaitSeconds} is outside 1–60 (the registry waits at most 60 s)"));
        }
        if (MinRetryDelay <= TimeSpan.Zero || MaxRetryDelay < MinRetryDelay)
        {
            errors.Add(new ConfigError(file, "$.Regional.MaxRetryDelay", "needs 0 < MinRetryDelay <= MaxRetryDelay"));
        }
        if (MaxBundleBytes <= 0)
        {
            errors.Add(new ConfigError(file, "$.Regional.MaxBundleBytes", "must be more than 0 bytes"));
        }
        return errors;
    }
}
