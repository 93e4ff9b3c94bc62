using EdgeCompute.EdgeNode.Caching.Rules;
using static EdgeCompute.EdgeNode.Tests.Caching.Rules.Headers;

namespace EdgeCompute.EdgeNode.Tests.Caching.Rules;

/// <summary>Freshening stored headers from a 304 or HEAD (suite: update304, updateHead).</summary>
public sealed class HeaderUpdateRulesTests
{
    [Theory]
    [InlineData("Test-Header")]
    [InlineData("X-Test-Header")]
    [InlineData("Content-Foo")]
    [InlineData("Cache-Control")]
    [InlineData("Content-Location")]
    [InlineData("Content-Type")]
    [InlineData("ETag")]
    [InlineData("Expires")]
    [InlineData("Set-Cookie")]
    [InlineData("X-Frame-Options")]
    [InlineData("Date")]
    public void MayUpdate_OrdinaryField_True(string name)
    {
        Assert.True(HeaderUpdateRules.MayUpdate(name));
    }

    [Theory]
    [InlineData("Content-Length")]
    [InlineData("content-length")]
    [InlineData("Content-Encoding")]
    [InlineData("Content-Range")]
    [InlineData("Connection")]
    [InlineData("Keep-Alive")]
    [InlineData("Proxy-Authenticate")]
    [InlineData("Proxy-Authentication-Info")]
    [InlineData("Proxy-Authorization")]
    [InlineData("Proxy-Connection")]
    [InlineData("TE")]
    [InlineData("Transfer-Encoding")]
    [InlineData("Upgrade")]
    public void MayUpdate_ContentOrHopByHopField_False(string name)
    {
        Assert.False(HeaderUpdateRules.MayUpdate(name));
    }

    [Fact]
    public void MayUpdate_ListedInConnection_False()
    {
        Assert.False(HeaderUpdateRules.MayUpdate("X-Hop", Of(("Connection", "close, X-Hop"))));
        Assert.True(HeaderUpdateRules.MayUpdate("X-Other", Of(("Connection", "close, X-Hop"))));
    }

    [Theory]
    [InlineData("\"a\"", "\"a\"", true)]
    [InlineData("\"a\"", "\"b\"", false)]
    [InlineData("\"a\"", "W/\"a\"", false)]
    [InlineData("W/\"a\"", "\"a\"", true)]
    [InlineData("W/\"a\"", "W/\"a\"", true)]
    public void Selects_ETag_ComparedByStrength(string notModifiedTag, string storedTag, bool expected)
    {
        Assert.Equal(expected, HeaderUpdateRules.Selects(Of(("ETag", notModifiedTag)), Of(("ETag", storedTag))));
    }

    [Fact]
    public void Selects_ETagWhenStoredHasNone_False()
    {
        Assert.False(HeaderUpdateRules.Selects(Of(("ETag", "\"a\"")), Of(("Last-Modified", Date(-10)))));
    }

    [Theory]
    [InlineData(-10, -10, true)]
    [InlineData(-10, -20, false)]
    public void Selects_LastModified_MustEqual(int notModified, int stored, bool expected)
    {
        Assert.Equal(expected, HeaderUpdateRules.Selects(Of(("Last-Modified", Date(notModified))), Of(("Last-Modified", Date(stored)))));
    }

    [Fact]
    public void Selects_NoValidatorIn304_True()
    {
        Assert.True(HeaderUpdateRules.Selects(Of(("Date", Date(0))), Of(("ETag", "\"a\""))));
    }

    [Fact]
    public void Merge_304_ReplacesUpdatableKeepsRestDropsAge()
    {
        var stored = Of(("Test-Header", "A"), ("Content-Length", "36"), ("Content-Encoding", "gzip"), ("Age", "7200"),
            ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2"), ("Kept", "yes"));
        var notModified = Of(("Test-Header", "B"), ("Content-Length", "10"), ("Content-Encoding", "br"), ("Set-Cookie", "c=3"),
            ("Connection", "X-Hop"), ("X-Hop", "1"), ("Keep-Alive", "timeout=5"));

        var merged = HeaderUpdateRules.Merge(stored, notModified);

        Assert.Equal("B", merged["Test-Header"]);
        Assert.Equal("36", merged["Content-Length"]);
        Assert.Equal("gzip", merged["Content-Encoding"]);
        Assert.Equal((IEnumerable<string?>)new string?[] { "c=3" }, merged["Set-Cookie"].ToArray());
        Assert.Equal("yes", merged["Kept"]);
        Assert.False(merged.ContainsKey("Age"));
        Assert.False(merged.ContainsKey("X-Hop"));
        Assert.False(merged.ContainsKey("Connection"));
        Assert.False(merged.ContainsKey("Keep-Alive"));
    }

    [Fact]
    public void Merge_304WithAge_TakesNewAge()
    {
        Assert.Equal("5", HeaderUpdateRules.Merge(Of(("Age", "7200")), Of(("Age", "5")))["Age"]);
    }
}
