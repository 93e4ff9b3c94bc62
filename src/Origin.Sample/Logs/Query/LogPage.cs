namespace EdgeCompute.Origin.Sample.Logs.Query;

/// <summary>
/// The answer of <c>GET /logs</c>. <see cref="Next"/> is the place after the last item (the request's own
/// cursor when there are none): pass it as <c>cursor</c> for the next page, or to follow new lines.
/// <see cref="More"/> says the limit cut the answer short.
/// </summary>
internal sealed record LogPage(IReadOnlyList<LogItem> Items, string? Next, bool More);
