using EdgeCompute.EdgeNode.Caching.Rules;
using static EdgeCompute.EdgeNode.Tests.Caching.Rules.Headers;

namespace EdgeCompute.EdgeNode.Tests.Caching.Rules;

/// <summary>Request directives (suite: cc-request, pragma).</summary>
public sealed class RequestCacheRulesTests
{
    [Fact]
    public void Read_AllDirectives_AreRead()
    {
        var r = RequestCacheRules.Read(Of(("Cache-Control", "no-store, no-cache, only-if-cached"), ("Cache-Control", "max-age=0, min-fresh=2000, max-stale=1000")));

        Assert.True(r.NoStore && r.NoCache && r.OnlyIfCached);
        Assert.Equal(TimeSpan.Zero, r.MaxAge);
        Assert.Equal(TimeSpan.FromSeconds(2000), r.MinFresh);
        Assert.Equal(TimeSpan.FromSeconds(1000), r.MaxStale);
    }

    [Fact]
    public void Read_NoHeaders_AsksNothing()
    {
        Assert.Equal(RequestCacheRules.None, RequestCacheRules.Read(Of()));
    }

    [Fact]
    public void Read_PragmaNoCacheWithoutCacheControl_IsNoCache()
    {
        Assert.True(RequestCacheRules.Read(Of(("Pragma", "No-Cache"))).NoCache);
    }

    [Fact]
    public void Read_PragmaNoCacheWithCacheControl_IsIgnored()
    {
        Assert.False(RequestCacheRules.Read(Of(("Pragma", "no-cache"), ("Cache-Control", "max-stale"))).NoCache);
    }

    [Fact]
    public void Read_UnknownPragma_IsIgnored()
    {
        Assert.False(RequestCacheRules.Read(Of(("Pragma", "unrecognised-extension"))).NoCache);
    }

    [Fact]
    public void Read_MaxStaleWithoutValue_IsUnlimited()
    {
        Assert.Equal(TimeSpan.MaxValue, RequestCacheRules.Read(Of(("Cache-Control", "max-stale"))).MaxStale);
    }

    [Fact]
    public void Read_InvalidMaxAge_IsIgnored()
    {
        Assert.Null(RequestCacheRules.Read(Of(("Cache-Control", "max-age=abc"))).MaxAge);
    }
}
