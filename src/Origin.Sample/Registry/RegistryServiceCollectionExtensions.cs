using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Blobs;
using EdgeCompute.Origin.Sample.Registry.Distributions;
using EdgeCompute.Origin.Sample.Registry.Functions;
using EdgeCompute.Origin.Sample.Registry.KeyValueStores;
using EdgeCompute.Origin.Sample.Registry.Layers;
using EdgeCompute.Origin.Sample.Registry.Storage;
using EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;
using EdgeCompute.Origin.Sample.Registry.Sync;
using EdgeCompute.Origin.Sample.Registry.Uploads;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EdgeCompute.Origin.Sample.Registry;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the function registry (section <c>Registry</c>). Pair with
    /// <see cref="RegistryEndpointRouteBuilderExtensions.MapRegistry"/>. Nothing is written to disk
    /// until the registry is first used.
    /// </summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RegistryOptions>().Bind(configuration.GetSection(RegistryOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RegistryPaths>();
        services.TryAddSingleton<RevisionSignal>();
        services.TryAddSingleton<IRegistryStore, SqliteRegistryStore>();
        services.TryAddSingleton<IBlobStore, FileBlobStore>();
        services.TryAddSingleton<BlobCollector>();
        services.AddHostedService<BlobCollectionService>();

        services.TryAddSingleton<ZipUrlAddressPolicy>();
        services.TryAddSingleton<ZipUrlConnector>();
        services.AddHttpClient(ZipUrlFetcher.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => ZipUrlFetcher.CreateHandler(provider.GetRequiredService<ZipUrlConnector>()));
        services.TryAddSingleton<ZipUrlFetcher>();
        services.TryAddSingleton<CodeUploadReader>();

        services.TryAddSingleton<AccountService>();
        services.TryAddSingleton<FunctionService>();
        services.TryAddSingleton<VersionService>();
        services.TryAddSingleton<AliasService>();
        services.TryAddSingleton<LayerService>();
        services.TryAddSingleton<KeyValueStoreService>();
        services.TryAddSingleton<DistributionService>();
        services.TryAddSingleton<EdgeSnapshotService>();
        services.TryAddSingleton<NodeStatusRecorder>();

        services.AddOpenApi(options =>
            // The document describes the registry, billing and logs; the sample content is not an API anyone programs against.
            options.ShouldInclude = description => description.RelativePath is { } path &&
                (path.StartsWith("v1/", StringComparison.Ordinal) || path.StartsWith("billing/", StringComparison.Ordinal) || path == "logs"));
        return services;
    }
}
