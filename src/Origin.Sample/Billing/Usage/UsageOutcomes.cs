namespace EdgeCompute.Origin.Sample.Billing.Usage;

/// <summary>How an invocation ended, as the node records it (docs/usage-contract.md).</summary>
internal static class UsageOutcomes
{
    public const string Ok = "ok";
    public const string Error = "error";
    public const string Invalid = "invalid";
    public const string Timeout = "timeout";
    public const string Limit = "limit";
    public const string Throttled = "throttled";

    public static bool IsKnown(string? outcome) => outcome is Ok or Error or Invalid or Timeout or Limit or Throttled;

    /// <summary>Throttled invocations are the only ones not billed: their code never ran.</summary>
    public static bool IsBilled(string outcome) => outcome != Throttled;

    /// <summary>The code ran and failed; billed like a success, counted apart.</summary>
    public static bool IsError(string outcome) => outcome is Error or Invalid or Timeout or Limit;
}
