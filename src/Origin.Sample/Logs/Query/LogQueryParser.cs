using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Logs.Query;

/// <summary>Turns <c>GET /logs</c>'s query string into a <see cref="LogQuery"/>, or one 400 listing every bad parameter.</summary>
internal static class LogQueryParser
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10_000;

    public static LogQuery Parse(IQueryCollection query)
    {
        var errors = new List<string>();
        var since = Time(query, "since", errors);
        var until = Time(query, "until", errors);
        var limit = DefaultLimit;
        if (Text(query, "limit") is { } limitText && (!int.TryParse(limitText, out limit) || limit is < 1 or > MaxLimit))
        {
            errors.Add($"limit '{limitText}' must be a whole number from 1 to {MaxLimit}");
        }
        LogCursor? after = null;
        if (Text(query, "cursor") is { } cursorText && !LogCursor.TryParse(cursorText, out after))
        {
            errors.Add($"cursor '{cursorText}' is not a cursor this origin returned (use the 'next' of an earlier answer)");
        }
        if (since is not null && until is not null && until <= since)
        {
            errors.Add("until must be later than since");
        }
        if (errors.Count > 0)
        {
            throw RegistryProblemException.Invalid(string.Join("; ", errors)).With("errors", errors);
        }
        return new LogQuery(Text(query, "function"), since, until, Text(query, "requestId"), Text(query, "contains"), after, limit);
    }

    private static DateTimeOffset? Time(IQueryCollection query, string name, List<string> errors)
    {
        if (Text(query, name) is not { } text)
        {
            return null;
        }
        if (IsoTime.TryParse(text, out var time))
        {
            return time;
        }
        errors.Add($"{name} '{text}' must be an ISO 8601 time with an offset, e.g. 2026-11-28T12:00:00Z");
        return null;
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;
}
