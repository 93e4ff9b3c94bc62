using System.Text;
using EdgeCompute.EdgeNode.Admin;
using EdgeCompute.EdgeNode.Caching;
using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Events;
using EdgeCompute.EdgeNode.Forwarding;
using EdgeCompute.EdgeNode.Geo;
using EdgeCompute.EdgeNode.Logs;
using EdgeCompute.EdgeNode.Metering;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Observability;
using EdgeCompute.EdgeNode.Pipeline;
using EdgeCompute.EdgeNode.Regional;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Hosting;

/// <summary>DI registration of the edge node.</summary>
public static class EdgeNodeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the edge node around an already loaded and validated <paramref name="snapshot"/>
    /// (load it with <see cref="EdgeConfigLoader"/> first, so that a bad config fails start-up). With
    /// <c>Regional:Url</c> set, the regional sync keeps it up to date instead of the config file watcher.
    /// </summary>
    public static IServiceCollection AddEdgeNode(this IServiceCollection services, IConfiguration configuration, EdgeSnapshot snapshot)
    {
        services.Configure<EdgeNodeOptions>(configuration.GetSection("EdgeNode"));
        services.Configure<FunctionRuntimeOptions>(configuration.GetSection("Runtime"));
        services.Configure<CacheOptions>(configuration.GetSection("Cache"));
        services.Configure<AdminOptions>(configuration.GetSection("Admin"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogShipping(configuration);
        if (configuration.GetSection("Runtime").Get<FunctionRuntimeOptions>() is not { NodeLog: NodeLogFormat.Logger })
        {
            // Registered, the sink takes it and writes JSON lines; not registered, it writes through its logger.
            services.TryAddSingleton(sp => new JsonLinesFunctionLogWriter(
                Console.OpenStandardOutput(), sp.GetRequiredService<FunctionLogLineFormatter>(), Console.Out));
        }
        services.TryAddSingleton(sp => new FunctionLogLineFormatter(sp.GetRequiredService<IOptions<FunctionRuntimeOptions>>().Value.NodeId));
        services.TryAddSingleton<NodeFunctionLogSink>();
        services.TryAddSingleton<IFunctionLogSink>(sp => sp.GetRequiredService<NodeFunctionLogSink>());
        services.AddHostedService<FunctionLogWriterService>();
        services.AddSingleton(new EdgeSnapshotProvider(snapshot));
        services.AddSingleton<FunctionRuntime>();
        services.AddSingleton(new DefaultObjectPoolProvider().CreateStringBuilderPool());
        services.AddSingleton<EventInputBuilder>();
        services.AddSingleton<EdgeFunctionInvoker>();
        services.AddSingleton<OriginForwarder>();
        services.AddSingleton<HttpCacheStore>();
        services.AddSingleton<OriginFetcher>();
        services.AddSingleton<CachedResponseWriter>();
        services.AddSingleton<EdgeRequestHandler>();
        services.AddGeo(configuration);
        services.AddHttpForwarder();
        services.AddSingleton<SnapshotActivator>();
        // One source of distributions at a time: the registry, or the config file (watched for changes).
        if (configuration.GetSection("Regional").Get<RegionalOptions>() is { Enabled: true })
        {
            services.AddRegionalSync(configuration);
        }
        else
        {
            services.AddHostedService<ConfigFileWatcher>();
        }
        services.AddMetering(configuration);
        services.AddObservability(configuration);
        services.AddHostedService<IsolateJanitorService>();
        services.AddSingleton<AdminListenerService>();
        services.AddHostedService(sp => sp.GetRequiredService<AdminListenerService>());
        return services;
    }
}
