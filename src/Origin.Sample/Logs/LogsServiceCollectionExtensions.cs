using EdgeCompute.Origin.Sample.Logs.Ingestion;
using EdgeCompute.Origin.Sample.Logs.Retention;
using EdgeCompute.Origin.Sample.Logs.Storage;
using EdgeCompute.Origin.Sample.Registry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Logs;

public static class LogsServiceCollectionExtensions
{
    /// <summary>
    /// Registers function log ingestion, query and retention (section <c>Logs</c>). Needs the registry
    /// (<see cref="RegistryServiceCollectionExtensions.AddRegistry"/>: its data directory, node keys and
    /// accounts); pair with <see cref="LogsEndpointRouteBuilderExtensions.MapLogs"/>.
    /// </summary>
    public static IServiceCollection AddLogs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LogsOptions>().Bind(configuration.GetSection(LogsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LogsOptions>, LogsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILogStore, SqliteLogStore>();
        services.TryAddSingleton<LogIngestionService>();
        services.TryAddSingleton<LogRetention>();
        services.AddHostedService<LogRetentionService>();
        return services;
    }
}
