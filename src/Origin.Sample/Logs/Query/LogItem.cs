using EdgeCompute.Origin.Sample.Logs.Storage;

namespace EdgeCompute.Origin.Sample.Logs.Query;

/// <summary>One line in the answer of <c>GET /logs</c>; <see cref="Time"/> is UTC, written with a <c>Z</c>.</summary>
internal sealed record LogItem(DateTime Time, string NodeId, string RequestId, string Function, string Version, string Event, string Level,
    string Message)
{
    public static LogItem From(LogEntry entry) =>
        new(entry.Time.UtcDateTime, entry.NodeId, entry.RequestId, entry.Function, entry.Version, entry.Event, entry.Level, entry.Message);
}
