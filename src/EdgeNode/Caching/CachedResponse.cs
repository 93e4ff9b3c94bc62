using EdgeCompute.EdgeNode.Caching.Rules;
using Microsoft.AspNetCore.Http;

namespace EdgeCompute.EdgeNode.Caching;

/// <summary>
/// A response as the cache keeps it: status, the header fields it may store, the body, and the
/// freshness decided when it arrived. Never changed once stored; a 304 makes a new one that shares
/// the body.
/// </summary>
internal sealed record CachedResponse
{
    public required int Status { get; init; }

    public string? ReasonPhrase { get; init; }

    /// <summary>Stored header fields (no hop-by-hop or framing fields); read-only once stored.</summary>
    public required IHeaderDictionary Headers { get; init; }

    public required BodyBuffer Body { get; init; }

    public required StorageDecision Freshness { get; init; }

    /// <summary>The Vary field names, lower-case, and the request's values for them when this was stored.</summary>
    public IReadOnlyList<string> VaryFields { get; init; } = [];

    public string?[] VaryValues { get; init; } = [];

    /// <summary>For invalidation: the distribution and the path (without query) it was stored under.</summary>
    public required string DistributionId { get; init; }

    public required string Path { get; init; }

    /// <summary>Bytes charged against the cache's size limit.</summary>
    public long Size => Body.Length + 64 + Headers.Sum(h => h.Key.Length + h.Value.Sum(v => v?.Length ?? 0) + 16);

    public TimeSpan CurrentAge(DateTimeOffset now) => StorageRules.CurrentAge(Freshness, now);

    public bool IsFresh(DateTimeOffset now) => CurrentAge(now) < Freshness.FreshnessLifetime;

    /// <summary>How long past its freshness it is at <paramref name="now"/> (zero while fresh).</summary>
    public TimeSpan Staleness(DateTimeOffset now)
    {
        var over = CurrentAge(now) - Freshness.FreshnessLifetime;
        return over > TimeSpan.Zero ? over : TimeSpan.Zero;
    }

    public bool HasValidator => Headers.ContainsKey("ETag") || Headers.ContainsKey("Last-Modified");
}
