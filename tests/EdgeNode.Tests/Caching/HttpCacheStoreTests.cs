using EdgeCompute.EdgeNode.Caching;
using EdgeCompute.EdgeNode.Caching.Rules;
using EdgeCompute.EdgeNode.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Tests.Caching;

public sealed class HttpCacheStoreTests
{
    private static CachedResponse Response(string path, int bytes, string distribution = "D1") => new()
    {
        Status = 200,
        Headers = new HeaderDictionary(),
        Body = BodyBuffer.FromBytes(new byte[bytes]),
        Freshness = new StorageDecision { Store = true, FreshnessLifetime = TimeSpan.FromMinutes(1), ResponseTime = DateTimeOffset.UtcNow },
        DistributionId = distribution,
        Path = path,
    };

    private static HttpCacheStore Store(long limit) =>
        new(Options.Create(new CacheOptions { SizeLimitBytes = limit, MaxObjectBytes = limit }));

    [Fact]
    public void Store_OverLimit_EvictsLeastRecentlyUsedFirst()
    {
        using var store = Store(250_000);
        store.Store("a", Response("/a", 100_000));
        store.Store("b", Response("/b", 100_000));
        Assert.NotNull(store.Find("a", new HeaderDictionary()));

        store.Store("c", Response("/c", 100_000));

        Assert.NotNull(store.Find("a", new HeaderDictionary()));
        Assert.Null(store.Find("b", new HeaderDictionary()));
        Assert.NotNull(store.Find("c", new HeaderDictionary()));
        Assert.True(store.CurrentSize <= 250_000);
    }

    [Fact]
    public void Invalidate_ByDistributionAndPattern_RemovesOnlyThose()
    {
        using var store = Store(10_000_000);
        store.Store("1", Response("/img/a.png", 10));
        store.Store("2", Response("/img/b.png", 10, "D2"));
        store.Store("3", Response("/index.html", 10));

        var removed = store.Invalidate("D1", [new PathPattern("/img/*")]);

        Assert.Equal(1, removed);
        Assert.Null(store.Find("1", new HeaderDictionary()));
        Assert.NotNull(store.Find("2", new HeaderDictionary()));
        Assert.NotNull(store.Find("3", new HeaderDictionary()));
    }
}
