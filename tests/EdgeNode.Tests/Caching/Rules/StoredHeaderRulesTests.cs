using EdgeCompute.EdgeNode.Caching.Rules;
using static EdgeCompute.EdgeNode.Tests.Caching.Rules.Headers;

namespace EdgeCompute.EdgeNode.Tests.Caching.Rules;

/// <summary>Fields kept out of the store (suite: headers, cc-response qualified no-cache).</summary>
public sealed class StoredHeaderRulesTests
{
    [Theory]
    [InlineData("Connection")]
    [InlineData("keep-alive")]
    [InlineData("Proxy-Connection")]
    [InlineData("TE")]
    [InlineData("Transfer-Encoding")]
    [InlineData("Upgrade")]
    [InlineData("Trailer")]
    [InlineData("Proxy-Authenticate")]
    [InlineData("Proxy-Authentication-Info")]
    [InlineData("Proxy-Authorization")]
    public void ShouldStore_HopByHop_False(string name)
    {
        Assert.False(StoredHeaderRules.ShouldStore(name, Of(), CacheControlDirectives.Empty));
    }

    [Fact]
    public void ShouldStore_ListedInConnection_False()
    {
        var response = Of(("Connection", "close"), ("Connection", "X-Foo, x-bar"));

        Assert.False(StoredHeaderRules.ShouldStore("X-Foo", response, CacheControlDirectives.Empty));
        Assert.False(StoredHeaderRules.ShouldStore("X-Bar", response, CacheControlDirectives.Empty));
        Assert.True(StoredHeaderRules.ShouldStore("X-Baz", response, CacheControlDirectives.Empty));
    }

    [Fact]
    public void ShouldStore_QualifiedNoCacheAndPrivate_False()
    {
        var directives = CacheControlDirectives.Parse(Lines("no-cache=\"a, B\"", "private=\"Set-Cookie\", max-age=3600"));

        Assert.False(StoredHeaderRules.ShouldStore("A", Of(), directives));
        Assert.False(StoredHeaderRules.ShouldStore("b", Of(), directives));
        Assert.False(StoredHeaderRules.ShouldStore("set-cookie", Of(), directives));
        Assert.True(StoredHeaderRules.ShouldStore("c", Of(), directives));
    }

    [Theory]
    [InlineData("Content-Type")]
    [InlineData("ETag")]
    [InlineData("Cache-Control")]
    [InlineData("Set-Cookie")]
    public void ShouldStore_OrdinaryField_True(string name)
    {
        Assert.True(StoredHeaderRules.ShouldStore(name, Of(), CacheControlDirectives.Empty));
    }
}
