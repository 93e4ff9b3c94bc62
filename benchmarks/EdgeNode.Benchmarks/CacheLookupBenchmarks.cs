using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using EdgeCompute.EdgeNode.Caching;
using EdgeCompute.EdgeNode.Caching.Rules;
using EdgeCompute.EdgeNode.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.Benchmarks;

/// <summary>
/// The lookup half of a cache hit: the cache key from a request shaped like curl's, the store's
/// find (a few hundred entries, one URL with Vary variants), and the freshness check. The baseline
/// is what a server with no cache logic does instead: a dictionary lookup by the path, in the same run.
/// Delivery (headers, body to the socket) is measured by the load runs in benchmarks/load.
/// </summary>
[MemoryDiagnoser]
public class CacheLookupBenchmarks
{
    private const string DistributionId = "EBENCH";
    private const int Entries = 300;
    private const string Query = "cc=public,max-age=600&bytes=1024";

    private readonly CachePolicyModel _policy = CachePolicyModel.Default;
    private readonly ConcurrentDictionary<string, byte[]> _dictionary = new(StringComparer.Ordinal);
    private HttpCacheStore _store = null!;
    private DefaultHttpContext _plain = null!;
    private DefaultHttpContext _varied = null!;
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _store = new HttpCacheStore(Options.Create(new CacheOptions()));
        var responseTime = DateTimeOffset.UtcNow;
        var body = new byte[1024];
        for (var i = 0; i < Entries; i++)
        {
            var uri = $"/cacheable/item-{i}";
            Store(Curl(uri), uri, body, responseTime, vary: null);
            _dictionary[uri] = body;
        }
        Store(Curl("/cacheable/kb1"), "/cacheable/kb1", body, responseTime, vary: null);
        _dictionary["/cacheable/kb1"] = body;

        // One URL stored in three variants; the lookup asks for the one stored first, so every
        // newer variant is compared (and passed over) before it.
        foreach (var encoding in (string[])["gzip, deflate, br", "gzip", "identity"])
        {
            var request = Curl("/cacheable/varied");
            request.Request.Headers.AcceptEncoding = encoding;
            Store(request, "/cacheable/varied", body, responseTime, vary: "Accept-Encoding");
        }

        _plain = Curl("/cacheable/kb1");
        _varied = Curl("/cacheable/varied");
        _varied.Request.Headers.AcceptEncoding = "gzip, deflate, br";
        _now = responseTime.AddSeconds(5);
    }

    [Benchmark(Baseline = true, Description = "dictionary lookup by path (no cache logic)")]
    public int DictionaryLookup() =>
        _dictionary.TryGetValue(_plain.Request.Path.Value!, out var body) ? body.Length : -1;

    [Benchmark(Description = "cache hit lookup: key, find, freshness")]
    public bool CacheHitLookup() => Lookup(_plain, "/cacheable/kb1");

    [Benchmark(Description = "cache hit lookup, Vary: Accept-Encoding (3 variants)")]
    public bool CacheHitLookupVaried() => Lookup(_varied, "/cacheable/varied");

    [Benchmark(Description = "of which: the cache key")]
    public int KeyOnly() => CacheKeyBuilder.Build(_plain.Request, DistributionId, _policy, "/cacheable/kb1", Query).Length;

    private bool Lookup(HttpContext context, string uri)
    {
        var key = CacheKeyBuilder.Build(context.Request, DistributionId, _policy, uri, Query);
        var stored = _store.Find(key, context.Request.Headers);
        return stored is not null && stored.IsFresh(_now);
    }

    /// <summary>A response stored the way a fetch from the sample origin stores it.</summary>
    private void Store(HttpContext request, string uri, byte[] body, DateTimeOffset responseTime, string? vary)
    {
        var headers = new HeaderDictionary
        {
            [HeaderNames.ContentType] = "text/plain; charset=utf-8",
            [HeaderNames.Date] = responseTime.ToString("R"),
            [HeaderNames.Server] = "Kestrel",
            [HeaderNames.CacheControl] = "public,max-age=600",
        };
        if (vary is not null)
        {
            headers[HeaderNames.Vary] = vary;
        }
        var decision = StorageRules.Decide(HttpMethods.Get, 200, request.Request.Headers, headers, _policy.Ttl, responseTime, responseTime);
        var varyFields = VaryRules.ReadVaryFields(headers, out _);
        _store.Store(CacheKeyBuilder.Build(request.Request, DistributionId, _policy, uri, Query), new CachedResponse
        {
            Status = 200,
            Headers = headers,
            Body = BodyBuffer.FromBytes(body),
            Freshness = decision,
            VaryFields = varyFields,
            VaryValues = VaryRules.SelectValues(varyFields, request.Request.Headers),
            DistributionId = DistributionId,
            Path = uri,
        });
    }

    /// <summary>What curl sends, as Kestrel hands it over.</summary>
    private static DefaultHttpContext Curl(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Request.QueryString = new QueryString("?" + Query);
        context.Request.Host = new HostString("127.0.0.1:8080");
        context.Request.Headers.UserAgent = "curl/8.5.0";
        context.Request.Headers.Accept = "*/*";
        return context;
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();
}
