namespace EdgeCompute.Origin.Sample.Logs.Query;

/// <summary>The filters of <c>GET /logs</c>, checked; null means "any". <see cref="Since"/> is inclusive, <see cref="Until"/> exclusive.</summary>
internal sealed record LogQuery(
    string? Function,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    string? RequestId,
    string? Contains,
    LogCursor? After,
    int Limit);
