using EdgeCompute.Origin.Sample.Registry.Storage.Sqlite;

namespace EdgeCompute.Origin.Sample.Billing.Storage;

/// <summary>Billing's tables (<see cref="UsageMigrations"/>), versioned in <c>usage_schema</c>.</summary>
internal static class UsageSchema
{
    public static ModuleSchema Schema { get; } = new("billing", "usage_schema", UsageMigrations.Scripts);
}
