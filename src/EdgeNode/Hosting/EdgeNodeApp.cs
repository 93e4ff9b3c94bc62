using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Geo;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Regional;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCompute.EdgeNode.Hosting;

/// <summary>
/// Builds the edge node application from command-line arguments: <c>--config FILE</c> (default
/// <c>config/edge.json</c>), whose own <c>Urls</c>, <c>Runtime</c> and <c>Logging</c> sections apply
/// too (command-line arguments win). Used by Program and by the functional tests alike.
/// </summary>
public static class EdgeNodeApp
{
    public const string DefaultConfigPath = "config/edge.json";

    /// <summary>The app, or null with every configuration error listed.</summary>
    public static WebApplication? Build(string[] args, out IReadOnlyList<ConfigError> errors, Action<IServiceCollection>? configureServices = null)
    {
        // No appsettings.json reload: its watcher covers the whole content root, where data directories (the
        // node's snapshot and usage spool, a registry's database) often sit, and each write there would wake it
        // on the node's CPU. The node's own config file has its watcher (ConfigFileWatcher); a later
        // --hostBuilder:reloadConfigOnChange=true still wins.
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
        var configPath = Path.GetFullPath(builder.Configuration["config"] ?? builder.Configuration["EdgeNode:ConfigPath"] ?? DefaultConfigPath);
        if (!TryAddConfigFile(builder.Configuration, configPath, out var fileError))
        {
            // The loader says precisely what is wrong with the file (missing, bad JSON, where).
            var failed = EdgeConfigLoader.Load(configPath, version: 1).Errors;
            errors = failed.Count > 0 ? failed : [fileError!];
            return null;
        }
        builder.Configuration["EdgeNode:ConfigPath"] = configPath;
        var regional = new RegionalOptions();
        var hostErrors = HostSettingErrors(builder.Configuration, configPath, regional);
        EdgeSnapshot? snapshot = null;
        if (!regional.Enabled)
        {
            var result = EdgeConfigLoader.Load(configPath, version: 1);
            if (result.Snapshot is null)
            {
                errors = result.Errors;
                return null;
            }
            snapshot = result.Snapshot;
        }
        var geo = GeoStartup.Load(builder.Configuration, configPath, hostErrors);
        errors = hostErrors;
        if (hostErrors.Count > 0)
        {
            return null;
        }
        // In regional mode the registry provides the distributions; the file's own are not read.
        snapshot ??= InitialRegionalSnapshot(regional, configPath);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["Urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:8080");
        }
        // The node answers as itself (Via, X-Amz-Cf-Id), not as Kestrel.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A cache hit of a few hundred KB goes out in one send instead of waiting for the socket
            // after each 64 KB (Kestrel's default); measured: 64 KB hits +10 % (benchmarks/load/README.md).
            kestrel.Limits.MaxResponseBufferSize = 1024 * 1024;
        });
        builder.Services.AddGeoDatabases(geo);
        builder.Services.AddEdgeNode(builder.Configuration, snapshot);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapEdgeNode();
        return app;
    }

    /// <summary>
    /// Adds the config file's host settings below environment variables and the command line; false
    /// when the file cannot be read as configuration.
    /// </summary>
    private static bool TryAddConfigFile(ConfigurationManager configuration, string configPath, out ConfigError? error)
    {
        error = null;
        var sources = configuration.Sources;
        var index = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource or CommandLineConfigurationSource);
        var json = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = configPath,
            Optional = false,
            ReloadOnChange = false,
        };
        json.ResolveFileProvider();
        try
        {
            sources.Insert(index < 0 ? sources.Count : index, json);
            return true;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException)
        {
            error = new ConfigError(configPath, "", "cannot be read as configuration: " + ex.Message);
            return false;
        }
    }

    /// <summary>
    /// Regional mode starts from the snapshot <c>DataDirectory/current</c> names, so that a node
    /// restarted while the registry is down serves what it served before; else (a first start, or a
    /// snapshot that no longer loads, which the sync service then reports) from an empty one: every
    /// request gets the no-distribution error until the first sync.
    /// </summary>
    private static EdgeSnapshot InitialRegionalSnapshot(RegionalOptions options, string configPath) =>
        new SnapshotStore(options.DataDirectoryFor(configPath)).LoadCurrent()?.Snapshot
        ?? new EdgeSnapshot([], null, new Dictionary<string, FunctionModel>(), version: 0);

    /// <summary>The Cache, Admin, Regional, Metering, Logs and Runtime sections, checked before anything starts.</summary>
    private static List<ConfigError> HostSettingErrors(IConfiguration configuration, string file, RegionalOptions regional)
    {
        var errors = new List<ConfigError>();
        var cache = new Caching.CacheOptions();
        var admin = new Admin.AdminOptions();
        var metering = new Metering.MeteringOptions();
        var logs = new Logs.LogShippingOptions();
        var runtime = new Runtime.FunctionRuntimeOptions();
        try
        {
            configuration.GetSection("Runtime").Bind(runtime);
            configuration.GetSection("Cache").Bind(cache);
            configuration.GetSection("Admin").Bind(admin);
            configuration.GetSection("Regional").Bind(regional);
            configuration.GetSection("Metering").Bind(metering);
            configuration.GetSection("Logs").Bind(logs);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(new ConfigError(file, "$", ex.Message));
            return errors;
        }
        if (regional.Enabled)
        {
            errors.AddRange(regional.Validate(file));
        }
        errors.AddRange(metering.Validate(file));
        errors.AddRange(logs.Validate(file));
        if (runtime.NodeLogInterval <= TimeSpan.Zero)
        {
            errors.Add(new ConfigError(file, "$.Runtime.NodeLogInterval", "must be a positive time, e.g. 00:00:00.1"));
        }
        if (cache.SizeLimitBytes <= 0)
        {
            errors.Add(new ConfigError(file, "$.Cache.SizeLimitBytes", "must be more than 0 bytes"));
        }
        if (cache.MaxObjectBytes <= 0 || cache.MaxObjectBytes > cache.SizeLimitBytes)
        {
            errors.Add(new ConfigError(file, "$.Cache.MaxObjectBytes", "must be more than 0 and at most SizeLimitBytes"));
        }
        if (!string.IsNullOrWhiteSpace(admin.Urls) && string.IsNullOrEmpty(admin.Token))
        {
            errors.Add(new ConfigError(file, "$.Admin.Token", "is required when Admin.Urls is set: the admin API must not be open to anyone who reaches it"));
        }
        return errors;
    }
}
