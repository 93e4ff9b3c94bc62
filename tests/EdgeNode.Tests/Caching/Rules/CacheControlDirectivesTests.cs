using EdgeCompute.EdgeNode.Caching.Rules;
using static EdgeCompute.EdgeNode.Tests.Caching.Rules.Headers;

namespace EdgeCompute.EdgeNode.Tests.Caching.Rules;

/// <summary>Cache-Control and CDN-Cache-Control parsing, with the edge cases of the suite's cc-parse and cdn-cache-control.</summary>
public sealed class CacheControlDirectivesTests
{
    [Fact]
    public void Parse_AllFlags_AreRead()
    {
        var cc = CacheControlDirectives.Parse("no-store, no-cache, private, public, must-revalidate, proxy-revalidate, must-understand, immutable, only-if-cached, no-transform");

        Assert.True(cc.NoStore && cc.NoCache && cc.Private && cc.Public && cc.MustRevalidate && cc.ProxyRevalidate);
        Assert.True(cc.MustUnderstand && cc.Immutable && cc.OnlyIfCached && cc.NoTransform);
        Assert.Empty(cc.NoCacheFields);
        Assert.Empty(cc.PrivateFields);
    }

    [Fact]
    public void Parse_Deltas_AreRead()
    {
        var cc = CacheControlDirectives.Parse("max-age=10, s-maxage=20, stale-while-revalidate=30, stale-if-error=40, min-fresh=50, max-stale=60");

        Assert.Equal(TimeSpan.FromSeconds(10), cc.MaxAge);
        Assert.Equal(TimeSpan.FromSeconds(20), cc.SharedMaxAge);
        Assert.Equal(TimeSpan.FromSeconds(30), cc.StaleWhileRevalidate);
        Assert.Equal(TimeSpan.FromSeconds(40), cc.StaleIfError);
        Assert.Equal(TimeSpan.FromSeconds(50), cc.MinFresh);
        Assert.Equal(TimeSpan.FromSeconds(60), cc.MaxStale);
    }

    [Theory]
    [InlineData("MaX-aGe=3600")]
    [InlineData("foobar, max-age=3600")]
    [InlineData("max-age=\"3600\"")]
    [InlineData("max-age=003600")]
    [InlineData("max-age=3600.0")]
    [InlineData("max-age=3600.5")]
    [InlineData("max-age=3600a")]
    [InlineData("  max-age=3600  ,")]
    public void Parse_LenientMaxAge_Is3600(string value)
    {
        var cc = CacheControlDirectives.Parse(value);

        Assert.Equal(TimeSpan.FromSeconds(3600), cc.MaxAge);
        Assert.False(cc.HasInvalidMaxAge);
    }

    [Theory]
    [InlineData("max-age=-3600")]
    [InlineData("max-age='3600'")]
    [InlineData("max-age=a3600")]
    [InlineData("max-age= 3600")]
    [InlineData("max-age")]
    [InlineData("max-age=")]
    public void Parse_InvalidMaxAge_FlagsInvalid(string value)
    {
        var cc = CacheControlDirectives.Parse(value);

        Assert.Null(cc.MaxAge);
        Assert.True(cc.HasInvalidMaxAge);
    }

    [Fact]
    public void Parse_SpaceBeforeEquals_IsUnknownDirective()
    {
        var cc = CacheControlDirectives.Parse("max-age =3600");

        Assert.Null(cc.MaxAge);
        Assert.False(cc.HasInvalidMaxAge);
    }

    [Theory]
    [InlineData("extension=\"max-age=3600\", max-age=1")]
    [InlineData("max-age=1, extension=\"max-age=3600\"")]
    [InlineData("extension=\"a, \\\"max-age=3600\", max-age=1")]
    public void Parse_MaxAgeInsideQuotedString_IsIgnored(string value)
    {
        Assert.Equal(TimeSpan.FromSeconds(1), CacheControlDirectives.Parse(value).MaxAge);
    }

    [Theory]
    [InlineData(new[] { "max-age=1800, max-age=1" }, 1800)]
    [InlineData(new[] { "max-age=1800", "max-age=1" }, 1800)]
    [InlineData(new[] { "max-age=1, max-age=1800" }, 1)]
    [InlineData(new[] { "max-age=1", "max-age=1800" }, 1)]
    public void Parse_DuplicateMaxAge_FirstWins(string[] lines, int expected)
    {
        var cc = CacheControlDirectives.Parse(Lines(lines));

        Assert.Equal(TimeSpan.FromSeconds(expected), cc.MaxAge);
        Assert.False(cc.HasInvalidMaxAge);
    }

    [Theory]
    [InlineData("max-age=2147483647", 2147483647L)]
    [InlineData("max-age=2147483648", 2147483648L)]
    [InlineData("max-age=2147483649", 2147483648L)]
    [InlineData("max-age=99999999999", 2147483648L)]
    [InlineData("max-age=999999999999999999999999999999", 2147483648L)]
    public void Parse_HugeMaxAge_CapsAt2Pow31(string value, long seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), CacheControlDirectives.Parse(value).MaxAge);
    }

    [Fact]
    public void Parse_NoStoreAnyCase_IsRead()
    {
        Assert.True(CacheControlDirectives.Parse("No-StOrE").NoStore);
    }

    [Fact]
    public void Parse_QualifiedNoCacheAndPrivate_ListsFieldsLowerCase()
    {
        var cc = CacheControlDirectives.Parse(Lines("no-cache=\"A, b\"", "private=\"Set-Cookie\", max-age=3600"));

        Assert.True(cc.NoCache);
        Assert.False(cc.NoCacheUnqualified);
        Assert.Equal(["a", "b"], cc.NoCacheFields);
        Assert.Equal(["set-cookie"], cc.PrivateFields);
        Assert.False(cc.PrivateUnqualified);
        Assert.Equal(TimeSpan.FromSeconds(3600), cc.MaxAge);
    }

    [Fact]
    public void Parse_MaxStaleWithoutValue_IsUnlimited()
    {
        Assert.Equal(TimeSpan.MaxValue, CacheControlDirectives.Parse("max-stale").MaxStale);
    }

    [Fact]
    public void Parse_EmptyHeader_IsEmpty()
    {
        var cc = CacheControlDirectives.Parse(default);

        Assert.True(cc.IsEmpty);
        Assert.Null(cc.MaxAge);
    }

    [Theory]
    [InlineData("max-age=3600", 3600L)]
    [InlineData("foobar, max-age=3600", 3600L)]
    [InlineData("max-age=2147483648", 2147483648L)]
    [InlineData("max-age=99999999999", 2147483648L)]
    [InlineData("max-age=0", 0L)]
    [InlineData("max-age=10;foo=bar, x=(a b)", 10L)]
    public void ParseTargeted_ValidDictionary_ReadsMaxAge(string value, long seconds)
    {
        var cdn = CacheControlDirectives.ParseTargeted(value);

        Assert.NotNull(cdn);
        Assert.Equal(TimeSpan.FromSeconds(seconds), cdn.MaxAge);
    }

    [Theory]
    [InlineData("max-age =100")]
    [InlineData("max-age= 100")]
    [InlineData("max-age=10000, &&&&&")]
    [InlineData("max-age=\"10000\"")]
    [InlineData("max-age=10.5")]
    [InlineData("max-age=-1")]
    [InlineData("MaX-aGe=3600")]
    [InlineData("max-age=1,")]
    [InlineData("max-age=1234567890123456")]
    [InlineData("")]
    [InlineData("   ")]
    public void ParseTargeted_InvalidOrEmpty_IsNull(string value)
    {
        Assert.Null(CacheControlDirectives.ParseTargeted(value));
    }

    [Fact]
    public void ParseTargeted_Flags_AreRead()
    {
        var cdn = CacheControlDirectives.ParseTargeted(Lines("no-store", "private, no-cache=?0"));

        Assert.NotNull(cdn);
        Assert.True(cdn.NoStore);
        Assert.True(cdn.PrivateUnqualified);
        Assert.False(cdn.NoCache);
    }

    [Fact]
    public void ParseTargeted_AbsentField_IsNull()
    {
        Assert.Null(CacheControlDirectives.ParseTargeted(default));
    }
}
