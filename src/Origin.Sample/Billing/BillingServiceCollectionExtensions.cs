using EdgeCompute.Origin.Sample.Billing.Ingestion;
using EdgeCompute.Origin.Sample.Billing.Invoicing;
using EdgeCompute.Origin.Sample.Billing.Reports;
using EdgeCompute.Origin.Sample.Billing.Storage;
using EdgeCompute.Origin.Sample.Registry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Billing;

public static class BillingServiceCollectionExtensions
{
    /// <summary>
    /// Registers usage ingestion and billing (section <c>Billing</c>). Needs the registry
    /// (<see cref="RegistryServiceCollectionExtensions.AddRegistry"/>: its data directory, node keys and
    /// accounts); pair with <see cref="BillingEndpointRouteBuilderExtensions.MapBilling"/>.
    /// </summary>
    public static IServiceCollection AddBilling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BillingOptions>().Bind(configuration.GetSection(BillingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BillingOptions>, BillingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IUsageStore, SqliteUsageStore>();
        services.TryAddSingleton<UsageIngestionService>();
        services.TryAddSingleton<InvoiceCalculator>();
        services.TryAddSingleton<BillingReportService>();
        return services;
    }
}
