namespace EdgeCompute.Origin.Sample.Billing.Storage;

/// <summary>
/// Billing's tables, as an ordered list of scripts (script <c>i</c> takes billing from version i to i + 1).
/// They share <c>registry.db</c> with the registry but count their own version in <c>usage_schema</c>:
/// <c>PRAGMA user_version</c> is the registry's (<c>SqliteMigrations</c>). Append; never edit a shipped script.
/// </summary>
internal static class UsageMigrations
{
    public static IReadOnlyList<string> Scripts { get; } =
    [
        """
        CREATE TABLE usage_batches (
            batch_id TEXT PRIMARY KEY,
            node_id TEXT NOT NULL,
            records INTEGER NOT NULL,
            received TEXT NOT NULL);

        CREATE TABLE usage_monthly (
            account_id TEXT NOT NULL,
            month TEXT NOT NULL,
            function_name TEXT NOT NULL,
            version TEXT NOT NULL,
            style TEXT NOT NULL,
            requests INTEGER NOT NULL,
            throttled INTEGER NOT NULL,
            errors INTEGER NOT NULL,
            billed_ms INTEGER NOT NULL,
            billed_mb_ms INTEGER NOT NULL,
            PRIMARY KEY (account_id, month, function_name, version, style));
        """,
    ];
}
