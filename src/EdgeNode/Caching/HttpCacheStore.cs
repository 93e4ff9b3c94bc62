using System.Collections.Immutable;
using EdgeCompute.EdgeNode.Caching.Rules;
using EdgeCompute.EdgeNode.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Caching;

/// <summary>
/// The stored responses, on <see cref="MemoryCache"/> with a size limit in bytes: one entry per
/// cache key holding that URL's variants (Vary). When a new response does not fit, the least
/// recently used entries are evicted first.
/// </summary>
internal sealed class HttpCacheStore : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly CacheOptions _options;

    // Recency for eviction: a counter, not a clock, so that two uses in the same tick still order.
    private long _uses;
    private long _evictions;

    public HttpCacheStore(IOptions<CacheOptions> options)
    {
        _options = options.Value;
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = Math.Max(1, _options.SizeLimitBytes),
            TrackStatistics = true,
            // Expiry is HTTP's business (stale responses are still useful), not the store's.
            ExpirationScanFrequency = TimeSpan.FromMinutes(5),
        });
    }

    public CacheOptions Options => _options;

    /// <summary>Bytes held now (estimated as charged on insert).</summary>
    public long CurrentSize => _cache.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    /// <summary>Cache keys held now (each with its variants).</summary>
    public long EntryCount => _cache.Count;

    /// <summary>Entries removed to make room for new ones since start.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>The stored variant of <paramref name="key"/> that matches the request's Vary fields, if any.</summary>
    public CachedResponse? Find(string key, IHeaderDictionary requestHeaders)
    {
        if (!_cache.TryGetValue(key, out CacheVariants? variants) || variants is null)
        {
            return null;
        }
        variants.LastUsed = Interlocked.Increment(ref _uses);
        // The most recently stored matching variant wins (RFC 9111 §4.1).
        for (var i = variants.Responses.Length - 1; i >= 0; i--)
        {
            var response = variants.Responses[i];
            if (VaryRules.Matches(response.VaryFields, response.VaryValues, requestHeaders))
            {
                return response;
            }
        }
        return null;
    }

    /// <summary>Stores a response, replacing the variant with the same Vary values.</summary>
    public void Store(string key, CachedResponse response)
    {
        var size = response.Size;
        if (size > _options.MaxObjectBytes + 65536 || size > _options.SizeLimitBytes)
        {
            return;
        }
        var existing = _cache.TryGetValue(key, out CacheVariants? found) && found is not null
            ? found.Responses.Where(r => !SameVariant(r, response)).ToImmutableArray()
            : [];
        if (existing.Length >= _options.MaxVariants)
        {
            existing = existing.RemoveAt(0);
        }
        var variants = new CacheVariants(response.DistributionId, response.Path, existing.Add(response));
        var total = variants.Responses.Sum(r => r.Size);
        MakeRoom(total - (found?.Size ?? 0));
        _cache.Set(key, variants with { Size = total, LastUsed = Interlocked.Increment(ref _uses) },
            new MemoryCacheEntryOptions { Size = total });
    }

    public void Remove(string key) => _cache.Remove(key);

    /// <summary>
    /// Removes every stored response of the distribution (all when null) whose path matches one of
    /// the patterns (<c>/a.html</c>, <c>/images/*</c>); query strings and variants go with their path.
    /// </summary>
    public int Invalidate(string? distributionId, IReadOnlyList<PathPattern> paths)
    {
        var removed = 0;
        foreach (var key in _cache.Keys.ToList())
        {
            if (_cache.TryGetValue(key, out CacheVariants? variants) && variants is not null &&
                (distributionId is null || variants.DistributionId == distributionId) &&
                paths.Any(p => p.IsMatch(variants.Path)))
            {
                _cache.Remove(key);
                removed++;
            }
        }
        return removed;
    }

    /// <summary>
    /// MemoryCache refuses an entry that would go over the limit and only compacts later: the least
    /// recently used entries are evicted first to let the new response in now, 5 % of the limit
    /// beyond what is needed so that the scan is paid once per batch, not on every insert.
    /// </summary>
    private void MakeRoom(long bytes)
    {
        var current = CurrentSize;
        if (bytes <= 0 || current + bytes <= _options.SizeLimitBytes)
        {
            return;
        }
        var toFree = current + bytes - _options.SizeLimitBytes + _options.SizeLimitBytes / 20;
        var oldestFirst = new List<(object Key, long LastUsed, long Size)>();
        foreach (var key in _cache.Keys.ToList())
        {
            // Not a use: recency is the store's LastUsed, not MemoryCache's.
            if (_cache.TryGetValue(key, out CacheVariants? variants) && variants is not null)
            {
                oldestFirst.Add((key, variants.LastUsed, variants.Size));
            }
        }
        foreach (var (key, _, size) in oldestFirst.OrderBy(e => e.LastUsed))
        {
            if (toFree <= 0)
            {
                break;
            }
            _cache.Remove(key);
            Interlocked.Increment(ref _evictions);
            toFree -= size;
        }
    }

    private static bool SameVariant(CachedResponse a, CachedResponse b) =>
        a.VaryFields.SequenceEqual(b.VaryFields) && a.VaryValues.SequenceEqual(b.VaryValues);

    public void Dispose() => _cache.Dispose();

    private sealed record CacheVariants(string DistributionId, string Path, ImmutableArray<CachedResponse> Responses)
    {
        private long _lastUsed;

        public long Size { get; init; }

        /// <summary>The store's use counter at the last lookup or store of this URL.</summary>
        public long LastUsed
        {
            get => Volatile.Read(ref _lastUsed);
            set => Volatile.Write(ref _lastUsed, value);
        }
    }
}
