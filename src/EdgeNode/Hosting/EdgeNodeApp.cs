using EdgeCompute.EdgeNode.Configuration;
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
        var builder = WebApplication.CreateBuilder(args);
        var configPath = Path.GetFullPath(builder.Configuration["config"] ?? builder.Configuration["EdgeNode:ConfigPath"] ?? DefaultConfigPath);
        var result = EdgeConfigLoader.Load(configPath, version: 1);
        errors = result.Errors;
        if (result.Snapshot is not { } snapshot)
        {
            return null;
        }
        // The config file's host settings sit below environment variables and the command line.
        var sources = builder.Configuration.Sources;
        var index = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource or CommandLineConfigurationSource);
        var json = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = configPath,
            Optional = false,
            ReloadOnChange = false,
        };
        json.ResolveFileProvider();
        sources.Insert(index < 0 ? sources.Count : index, json);
        builder.Configuration["EdgeNode:ConfigPath"] = configPath;
        var hostErrors = HostSettingErrors(builder.Configuration, configPath);
        if (hostErrors.Count > 0)
        {
            errors = hostErrors;
            return null;
        }
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
        builder.Services.AddEdgeNode(builder.Configuration, snapshot);
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapEdgeNode();
        return app;
    }

    /// <summary>The Cache and Admin sections, checked before anything starts.</summary>
    private static List<ConfigError> HostSettingErrors(IConfiguration configuration, string file)
    {
        var errors = new List<ConfigError>();
        var cache = new Caching.CacheOptions();
        var admin = new Admin.AdminOptions();
        try
        {
            configuration.GetSection("Cache").Bind(cache);
            configuration.GetSection("Admin").Bind(admin);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(new ConfigError(file, "$", ex.Message));
            return errors;
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
