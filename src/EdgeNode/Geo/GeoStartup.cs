using EdgeCompute.EdgeNode.Configuration;
using Microsoft.Extensions.Configuration;

namespace EdgeCompute.EdgeNode.Geo;

/// <summary>
/// The <c>Geo</c> section read and its databases opened before the node starts, so that a missing
/// or corrupt file is a start-up error (or, with <c>OnDatabaseError: warn</c>, a warning).
/// </summary>
internal sealed class GeoStartup
{
    private GeoStartup(GeoOptions options, GeoDatabases databases, IReadOnlyList<(string Setting, string Message)> warnings)
    {
        Options = options;
        Databases = databases;
        Warnings = warnings;
    }

    public GeoOptions Options { get; }
    public GeoDatabases Databases { get; }

    /// <summary>Database problems tolerated in warn mode, logged once the node has a logger.</summary>
    public IReadOnlyList<(string Setting, string Message)> Warnings { get; }

    public static GeoStartup Load(IConfiguration configuration, string configPath, List<ConfigError> errors)
    {
        var options = new GeoOptions();
        try
        {
            configuration.GetSection("Geo").Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(new ConfigError(configPath, "$.Geo", ex.Message));
            return new GeoStartup(options, GeoDatabases.None, []);
        }
        var settingErrors = options.Validate(configPath).ToList();
        errors.AddRange(settingErrors);
        var problems = new List<(string Setting, string Message)>();
        var databases = GeoDatabases.Open(options, Path.GetDirectoryName(configPath) ?? ".", problems);
        if (options.OnDatabaseError == GeoDatabaseErrorMode.Fail)
        {
            errors.AddRange(problems.Select(p => new ConfigError(configPath, $"$.Geo.{p.Setting}", p.Message)));
            return new GeoStartup(options, databases, []);
        }
        return new GeoStartup(options, databases, problems);
    }
}
