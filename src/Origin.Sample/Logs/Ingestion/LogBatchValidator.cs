using System.Text.RegularExpressions;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.Origin.Sample.Logs.Query;
using EdgeCompute.Origin.Sample.Logs.Storage;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Logs.Ingestion;

/// <summary>
/// Checks a log batch and reports every broken rule at once: a node drops a refused batch, so the
/// answer (and this origin's log) is all its operator gets.
/// </summary>
internal static partial class LogBatchValidator
{
    public const int MaxRecords = 10_000;

    /// <summary>Lambda cuts log lines at 256 KB; nodes cut theirs to this before sending.</summary>
    public const int MaxMessageChars = 256 * 1024;

    private const int MaxIdLength = 200;
    private const int MaxListedErrors = 20;

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();

    public static LogBatch Validate(LogBatchRequest batch, string? nodeIdHeader)
    {
        var errors = new List<string>();
        Require(errors, !string.IsNullOrWhiteSpace(batch.BatchId) && batch.BatchId.Length <= MaxIdLength,
            $"batchId is missing or longer than {MaxIdLength} characters; the node sends '{{nodeId}}:{{guid}}'");
        var nodeId = batch.NodeId ?? nodeIdHeader;
        Require(errors, !string.IsNullOrWhiteSpace(nodeId) && nodeId.Length <= MaxIdLength,
            $"nodeId is missing (in the body or X-Edge-Node-Id) or longer than {MaxIdLength} characters");
        Require(errors, batch.Records is { Count: <= MaxRecords }, $"records is missing or has more than {MaxRecords} records");
        var entries = new List<LogEntry>(batch.Records?.Count ?? 0);
        for (var i = 0; i < (batch.Records?.Count ?? 0) && errors.Count <= MaxListedErrors; i++)
        {
            if (Check(batch.Records![i], $"records[{i}]", nodeId ?? "", errors) is { } entry)
            {
                entries.Add(entry);
            }
        }
        if (errors.Count > 0)
        {
            var more = errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "";
            throw RegistryProblemException.Invalid($"the log batch is malformed: {errors[0]}{more}")
                .With("errors", errors.Take(MaxListedErrors).ToList());
        }
        return new LogBatch(batch.BatchId!, nodeId!, entries);
    }

    private static LogEntry? Check(LogRecordRequest? r, string at, string nodeId, List<string> errors)
    {
        if (r is null)
        {
            errors.Add($"{at} is null; send an object");
            return null;
        }
        var before = errors.Count;
        var timestamp = r.Timestamp ?? r.Time;
        Require(errors, IsoTime.TryParse(timestamp, out var time),
            $"{at}.timestamp '{timestamp}' must be an ISO 8601 time with an offset, e.g. 2026-11-28T12:00:00.123Z");
        Require(errors, r.Sequence is >= 0, $"{at}.sequence must be a whole number, 0 or more");
        Require(errors, r.RequestId is { Length: <= 128 }, $"{at}.requestId is missing or longer than 128 characters");
        Require(errors, r.Account is not null && AccountId().IsMatch(r.Account), $"{at}.account '{r.Account}' must be a 12-digit account id");
        Require(errors, r.Function is { Length: > 0 and <= 128 }, $"{at}.function is missing or longer than 128 characters");
        Require(errors, r.Version is { Length: > 0 and <= 32 }, $"{at}.version is missing or longer than 32 characters");
        Require(errors, EdgeEventTypeExtensions.TryParse(r.Event, out _),
            $"{at}.event '{r.Event}' must be one of {string.Join(", ", Enum.GetValues<EdgeEventType>().Select(e => e.ToWireName()))}");
        Require(errors, r.Level is { Length: > 0 and <= 16 }, $"{at}.level is missing or longer than 16 characters");
        Require(errors, r.Message is { Length: <= MaxMessageChars }, $"{at}.message is missing or longer than {MaxMessageChars} characters");
        return errors.Count > before
            ? null
            : new LogEntry(time, nodeId, r.Sequence!.Value, r.RequestId!, r.Account!, r.Function!, r.Version!, r.Event!, r.Level!, r.Message!);
    }

    private static void Require(List<string> errors, bool condition, string error)
    {
        if (!condition)
        {
            errors.Add(error);
        }
    }
}
