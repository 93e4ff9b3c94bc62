using System.Globalization;
using System.Text.RegularExpressions;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.Origin.Sample.Billing.Usage;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Billing.Ingestion;

/// <summary>
/// Checks a usage batch against docs/usage-contract.md and reports every broken rule at once: a node
/// moves a refused segment aside and never resends it, so the answer is all its operator gets.
/// </summary>
internal static partial class UsageBatchValidator
{
    /// <summary>Lambda's largest memory size; it also keeps each record's MB·ms small enough that the sums stay exact integers.</summary>
    public const int MaxMemoryMb = 10_240;

    /// <summary>Lambda's longest timeout (15 minutes); Lambda@Edge's are shorter still.</summary>
    public const long MaxBilledMs = 900_000;

    private const int MaxBatchIdLength = 200;
    private const int MaxListedErrors = 20;

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();

    // ISO 8601 with an explicit offset: a time without one would be read in the origin's own zone.
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,7})?(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex IsoTime();

    /// <summary>The batch's records, or a 400 problem that lists what is wrong (in <c>errors</c>).</summary>
    public static IReadOnlyList<UsageRecord> Validate(UsageBatchRequest batch)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(batch.BatchId) || batch.BatchId.Length > MaxBatchIdLength)
        {
            errors.Add($"batchId is missing or longer than {MaxBatchIdLength} characters; the node sends '{{nodeId}}:{{segment guid}}'");
        }
        if (batch.Records is null)
        {
            errors.Add("records is missing; send an array (it may be empty)");
        }
        var records = new List<UsageRecord>(batch.Records?.Count ?? 0);
        for (var i = 0; i < (batch.Records?.Count ?? 0); i++)
        {
            if (Check(batch.Records![i], $"records[{i}]", errors) is { } record)
            {
                records.Add(record);
            }
        }
        if (errors.Count > 0)
        {
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "";
            throw RegistryProblemException.Invalid($"the usage batch is malformed: {errors[0]}{more}")
                .With("errors", errors.Take(MaxListedErrors).ToList());
        }
        return records;
    }

    private static UsageRecord? Check(UsageRecordRequest? r, string at, List<string> errors)
    {
        if (r is null)
        {
            errors.Add($"{at} is null; send an object");
            return null;
        }
        var before = errors.Count;
        Require(errors, r.Account is not null && AccountId().IsMatch(r.Account), $"{at}.account '{r.Account}' must be a 12-digit account id");
        Require(errors, !string.IsNullOrEmpty(r.Function) && r.Function.Length <= 128, $"{at}.function is missing or longer than 128 characters");
        Require(errors, !string.IsNullOrEmpty(r.Version) && r.Version.Length <= 32, $"{at}.version is missing or longer than 32 characters");
        Require(errors, EdgeEventTypeExtensions.TryParse(r.Event, out _),
            $"{at}.event '{r.Event}' must be one of {string.Join(", ", Enum.GetValues<EdgeEventType>().Select(e => e.ToWireName()))}");
        Require(errors, UsageStyles.IsKnown(r.Style), $"{at}.style '{r.Style}' must be {UsageStyles.LambdaEdge} or {UsageStyles.CloudFrontFunctions}");
        Require(errors, r.Engine is not null && FunctionEngines.IsKnown(r.Engine), $"{at}.engine '{r.Engine}' must be one of {string.Join(", ", FunctionEngines.All)}");
        Require(errors, UsageOutcomes.IsKnown(r.Outcome), $"{at}.outcome '{r.Outcome}' must be one of ok, error, invalid, timeout, limit, throttled");
        Require(errors, r.DurationMs is >= 0, $"{at}.durationMs must be a number of milliseconds, 0 or more");
        CheckBilledDuration(r, at, errors);
        Require(errors, r.MemoryMb is >= 1 and <= MaxMemoryMb, $"{at}.memoryMb must be a whole number of MB from 1 to {MaxMemoryMb}");
        var time = ParseTime(r.Time);
        Require(errors, time is not null, $"{at}.time '{r.Time}' must be an ISO 8601 time with an offset, e.g. 2026-11-28T12:00:00.123Z");
        return errors.Count > before
            ? null
            : new UsageRecord(r.Account!, r.Function!, r.Version!, r.Style!, r.Outcome!, r.BilledDurationMs!.Value, r.MemoryMb!.Value, time!.Value);
    }

    private static void CheckBilledDuration(UsageRecordRequest r, string at, List<string> errors)
    {
        if (r.BilledDurationMs is not { } billed || billed < 0 || billed > MaxBilledMs)
        {
            errors.Add($"{at}.billedDurationMs must be a whole number of milliseconds from 0 to {MaxBilledMs}");
        }
        else if (r.Outcome == UsageOutcomes.Throttled && billed != 0)
        {
            errors.Add($"{at}.billedDurationMs must be 0 for a throttled invocation (its code did not run)");
        }
        else if (r.Outcome != UsageOutcomes.Throttled && billed == 0)
        {
            errors.Add($"{at}.billedDurationMs must be at least one unit of granularity when the code ran (outcome '{r.Outcome}')");
        }
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        text is not null && IsoTime().IsMatch(text) &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : null;

    private static void Require(List<string> errors, bool condition, string error)
    {
        if (!condition)
        {
            errors.Add(error);
        }
    }
}
