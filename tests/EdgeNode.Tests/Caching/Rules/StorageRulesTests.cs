using EdgeCompute.EdgeNode.Caching.Rules;
using Microsoft.AspNetCore.Http;
using static EdgeCompute.EdgeNode.Tests.Caching.Rules.Headers;

namespace EdgeCompute.EdgeNode.Tests.Caching.Rules;

/// <summary>Storage and freshness decisions for a shared cache (suite: cc-freshness, cc-response, status, heuristic, cdn-cache-control, authorization, stale).</summary>
public sealed class StorageRulesTests
{
    private static StorageDecision Decide(int status, params (string, string)[] response) =>
        StorageRules.Decide("GET", status, new HeaderDictionary(), Of(response), TtlBounds.Http, Now, Now);

    private static StorageDecision Decide(params (string, string)[] response) => Decide(200, response);

    [Fact]
    public void Decide_MaxAge_StoresWithLifetime()
    {
        var d = Decide(("Cache-Control", "max-age=3600"));

        Assert.True(d.Store);
        Assert.Null(d.Reason);
        Assert.Equal(TimeSpan.FromSeconds(3600), d.FreshnessLifetime);
        Assert.False(d.Heuristic);
        Assert.True(d.MayServeStale);
        Assert.False(d.AlwaysRevalidate);
    }

    [Fact]
    public void Decide_NothingAtAll_NotStored()
    {
        var d = Decide();

        Assert.False(d.Store);
        Assert.Equal("no freshness and no validator", d.Reason);
    }

    [Fact]
    public void Decide_OnlyETag_StoredStale()
    {
        var d = Decide(("ETag", "\"abc\""));

        Assert.True(d.Store);
        Assert.Equal(TimeSpan.Zero, d.FreshnessLifetime);
    }

    [Theory]
    [InlineData("max-age=-3600")]
    [InlineData("max-age='3600'")]
    [InlineData("max-age=0")]
    public void Decide_InvalidOrZeroMaxAge_StaleEvenWithFutureExpires(string cc)
    {
        var d = Decide(("Cache-Control", cc), ("Expires", Date(3600)), ("Date", Date(0)));

        Assert.True(d.Store);
        Assert.Equal(TimeSpan.Zero, d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_MaxAgeWithPastExpires_MaxAgeWins()
    {
        var d = Decide(("Cache-Control", "max-age=3600"), ("Expires", Date(-7200)), ("Date", Date(0)));

        Assert.Equal(TimeSpan.FromSeconds(3600), d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_MaxAgeWithInvalidExpires_MaxAgeWins()
    {
        var d = Decide(("Cache-Control", "max-age=3600"), ("Expires", "0"), ("Date", Date(0)));

        Assert.Equal(TimeSpan.FromSeconds(3600), d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_HugeMaxAge_ClampedToMaxTtl()
    {
        var d = Decide(("Cache-Control", "max-age=99999999999"));

        Assert.True(d.Store);
        Assert.Equal(TimeSpan.FromDays(365), d.FreshnessLifetime);
    }

    [Theory]
    [InlineData("max-age=3600, s-maxage=1", 1)]
    [InlineData("s-maxage=1, max-age=3600", 1)]
    [InlineData("max-age=1, s-maxage=3600", 3600)]
    [InlineData("max-age=0, s-maxage=3600", 3600)]
    public void Decide_SharedMaxAge_TakesPrecedence(string cc, int seconds)
    {
        var d = Decide(("Cache-Control", cc), ("Expires", Date(-10)), ("Date", Date(0)));

        Assert.Equal(TimeSpan.FromSeconds(seconds), d.FreshnessLifetime);
        Assert.False(d.MayServeStale);
    }

    [Fact]
    public void Decide_SharedMaxAgeOnSeparateLine_TakesPrecedence()
    {
        var d = Decide(("Cache-Control", "max-age=3600"), ("Cache-Control", "s-maxage=1"));

        Assert.Equal(TimeSpan.FromSeconds(1), d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_Expires_LifetimeIsExpiresMinusDate()
    {
        // Date 100 s in the past: Expires − Date, not Expires − now.
        var d = Decide(("Expires", Date(3500)), ("Date", Date(-100)));

        Assert.Equal(TimeSpan.FromSeconds(3600), d.FreshnessLifetime);
        Assert.Equal(TimeSpan.FromSeconds(100), d.CorrectedInitialAge);
    }

    [Fact]
    public void Decide_ExpiresWithoutDate_UsesResponseTime()
    {
        Assert.Equal(TimeSpan.FromSeconds(3600), Decide(("Expires", Date(3600))).FreshnessLifetime);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("Thu, 18 Aug 2050 02:01:18 UTC")]
    [InlineData("Thu, 18 Aug 50 02:01:18 GMT")]
    public void Decide_InvalidExpires_StoredStale(string expires)
    {
        var d = Decide(("Expires", expires), ("Date", Date(0)));

        Assert.True(d.Store);
        Assert.Equal(TimeSpan.Zero, d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_ExpiresOnTwoDifferentLines_StoredStale()
    {
        var d = Decide(("Expires", Date(3600)), ("Expires", Date(3601)), ("Date", Date(0)));

        Assert.Equal(TimeSpan.Zero, d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_FarFutureExpires_ClampedToMaxTtl()
    {
        var d = Decide(("Expires", "Sun, 21 Nov 2286 04:46:39 GMT"), ("Date", Date(0)));

        Assert.Equal(TimeSpan.FromDays(365), d.FreshnessLifetime);
    }

    [Theory]
    [InlineData("private, max-age=3600", "private")]
    [InlineData("no-store", "no-store")]
    [InlineData("max-age=10000, No-StOrE", "no-store")]
    public void Decide_NoStoreOrPrivate_NotStored(string cc, string reason)
    {
        var d = Decide(("Cache-Control", cc), ("Expires", Date(10000)), ("Date", Date(0)));

        Assert.False(d.Store);
        Assert.Equal(reason, d.Reason);
    }

    [Fact]
    public void Decide_QualifiedPrivate_Stored()
    {
        Assert.True(Decide(("Cache-Control", "private=\"set-cookie\", max-age=60")).Store);
    }

    [Fact]
    public void Decide_NoCache_StoredButAlwaysRevalidated()
    {
        var d = Decide(("Cache-Control", "max-age=10000, No-CaChE"), ("ETag", "\"abcd\""));

        Assert.True(d.Store);
        Assert.True(d.AlwaysRevalidate);
        Assert.False(d.MayServeStale);
    }

    [Fact]
    public void Decide_QualifiedNoCache_NotAlwaysRevalidated()
    {
        var d = Decide(("Cache-Control", "no-cache=\"a\""), ("Cache-Control", "max-age=3600"));

        Assert.True(d.Store);
        Assert.False(d.AlwaysRevalidate);
    }

    [Theory]
    [InlineData("max-age=2, must-revalidate")]
    [InlineData("max-age=2, proxy-revalidate")]
    [InlineData("max-age=2, s-maxage=2")]
    [InlineData("max-age=2, no-cache")]
    public void Decide_StaleForbidden_MayNotServeStale(string cc)
    {
        Assert.False(Decide(("Cache-Control", cc)).MayServeStale);
    }

    [Fact]
    public void Decide_StaleExtensions_AreCarried()
    {
        var d = Decide(("Cache-Control", "max-age=1, stale-while-revalidate=3600, stale-if-error=60"));

        Assert.Equal(TimeSpan.FromSeconds(3600), d.StaleWhileRevalidate);
        Assert.Equal(TimeSpan.FromSeconds(60), d.StaleIfError);
        Assert.True(d.MayServeStale);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(203)]
    [InlineData(204)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(410)]
    [InlineData(414)]
    [InlineData(501)]
    public void Decide_HeuristicStatusWithLastModified_HeuristicallyFresh(int status)
    {
        var d = Decide(status, ("Last-Modified", Date(-24 * 60 * 60)), ("Date", Date(0)));

        Assert.True(d.Store);
        Assert.True(d.Heuristic);
        Assert.Equal(TimeSpan.FromHours(2.4), d.FreshnessLifetime);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(202)]
    [InlineData(403)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    [InlineData(599)]
    public void Decide_OtherStatusWithOnlyLastModified_NotStored(int status)
    {
        var d = Decide(status, ("Last-Modified", Date(-24 * 60 * 60)), ("Date", Date(0)));

        Assert.False(d.Store);
        Assert.Equal($"status {status} not cacheable without explicit freshness", d.Reason);
    }

    [Fact]
    public void Decide_UnknownStatusWithPublic_HeuristicallyFresh()
    {
        var d = Decide(599, ("Cache-Control", "public"), ("Last-Modified", Date(-24 * 60 * 60)), ("Date", Date(0)));

        Assert.True(d.Store);
        Assert.True(d.Heuristic);
    }

    [Theory]
    [InlineData(299)]
    [InlineData(302)]
    [InlineData(303)]
    [InlineData(307)]
    [InlineData(400)]
    [InlineData(499)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(599)]
    public void Decide_AnyFinalStatusWithMaxAge_Stored(int status)
    {
        Assert.True(Decide(status, ("Cache-Control", "max-age=3600")).Store);
    }

    [Fact]
    public void Decide_HeuristicOfOldFile_CappedAtOneDay()
    {
        var d = Decide(("Last-Modified", Date(-365 * 24 * 3600)), ("Date", Date(0)));

        Assert.Equal(StorageRules.HeuristicCap, d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_LastModifiedInFuture_StoredStale()
    {
        var d = Decide(("Last-Modified", Date(600)), ("Date", Date(0)));

        Assert.True(d.Store);
        Assert.Equal(TimeSpan.Zero, d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_Partial_NotStored()
    {
        var d = Decide(206, ("Cache-Control", "max-age=3600"), ("Content-Range", "bytes 4-9/10"));

        Assert.False(d.Store);
        Assert.Equal("status 206 not cacheable (partial content is not stored)", d.Reason);
    }

    [Theory]
    [InlineData("HEAD")]
    [InlineData("POST")]
    [InlineData("PUT")]
    public void Decide_NotGet_NotStored(string method)
    {
        var d = StorageRules.Decide(method, 200, new HeaderDictionary(), Of(("Cache-Control", "max-age=3600")), TtlBounds.Http, Now, Now);

        Assert.False(d.Store);
        Assert.NotNull(d.Reason);
    }

    [Fact]
    public void Decide_MustUnderstandWithUnknownStatus_NotStored()
    {
        Assert.False(Decide(599, ("Cache-Control", "max-age=3600, no-store, must-understand")).Store);
    }

    [Fact]
    public void Decide_MustUnderstandWithKnownStatus_OverridesNoStore()
    {
        var d = Decide(200, ("Cache-Control", "max-age=3600, no-store, must-understand"));

        Assert.True(d.Store);
        Assert.Equal(TimeSpan.FromSeconds(3600), d.FreshnessLifetime);
    }

    [Theory]
    [InlineData("max-age=3600", false)]
    [InlineData("max-age=3600, public", true)]
    [InlineData("max-age=3600, must-revalidate", true)]
    [InlineData("s-maxage=3600", true)]
    public void Decide_AuthorizedRequest_StoredOnlyWhenAllowed(string cc, bool stored)
    {
        var d = StorageRules.Decide("GET", 200, Of(("Authorization", "FOO")), Of(("Cache-Control", cc), ("Date", Date(0))), TtlBounds.Http, Now, Now);

        Assert.Equal(stored, d.Store);
        if (!stored)
        {
            Assert.Equal("Authorization without public/s-maxage/must-revalidate", d.Reason);
        }
    }

    [Fact]
    public void Decide_AgeAboveMaxAge_CurrentAgeExceedsLifetime()
    {
        var d = Decide(("Date", Date(0)), ("Cache-Control", "max-age=3600"), ("Age", "7200"));

        Assert.Equal(TimeSpan.FromSeconds(7200), d.CorrectedInitialAge);
        Assert.True(StorageRules.CurrentAge(d, Now) > d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_OldDate_ApparentAgeCounts()
    {
        var d = Decide(("Date", Date(-7200)), ("Cache-Control", "max-age=3600"));

        Assert.Equal(TimeSpan.FromSeconds(7200), d.CorrectedInitialAge);
    }

    [Fact]
    public void Decide_FutureDate_ApparentAgeZero()
    {
        var d = Decide(("Date", Date(3600)), ("Cache-Control", "max-age=60"));

        Assert.Equal(TimeSpan.Zero, d.CorrectedInitialAge);
    }

    [Fact]
    public void Decide_ResponseDelay_AddedToAge()
    {
        var d = StorageRules.Decide("GET", 200, new HeaderDictionary(),
            Of(("Date", Date(0)), ("Cache-Control", "max-age=60"), ("Age", "10")), TtlBounds.Http, Now.AddSeconds(-3), Now);

        Assert.Equal(TimeSpan.FromSeconds(13), d.CorrectedInitialAge);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-7200")]
    [InlineData("7200.0")]
    public void Decide_InvalidAge_Ignored(string age)
    {
        Assert.Equal(TimeSpan.Zero, Decide(("Date", Date(0)), ("Cache-Control", "max-age=3600"), ("Age", age)).CorrectedInitialAge);
    }

    [Fact]
    public void Decide_HugeAge_CappedAt2Pow31()
    {
        var d = Decide(("Date", Date(0)), ("Cache-Control", "max-age=3600"), ("Age", "99999999999"));

        Assert.Equal(CacheControlDirectives.MaxDelta, d.CorrectedInitialAge);
        Assert.Equal(CacheControlDirectives.MaxDelta, StorageRules.CurrentAge(d, Now.AddDays(1)));
    }

    [Fact]
    public void CurrentAge_AfterResidence_AddsResidentTime()
    {
        var d = Decide(("Date", Date(0)), ("Cache-Control", "max-age=3600"), ("Age", "100"));

        Assert.Equal(TimeSpan.FromSeconds(160), StorageRules.CurrentAge(d, Now.AddSeconds(60)));
        Assert.Equal(TimeSpan.FromSeconds(100), StorageRules.CurrentAge(d, Now.AddSeconds(-60)));
    }

    [Theory]
    [InlineData("max-age=3600", 3600)]
    [InlineData("max-age=0", 0)]
    [InlineData("max-age=2147483648", 365 * 24 * 3600)]
    public void Decide_CdnCacheControl_OverridesCacheControl(string cdn, int seconds)
    {
        var d = Decide(("Cache-Control", "max-age=1"), ("CDN-Cache-Control", cdn), ("Expires", Date(10000)), ("Date", Date(0)));

        Assert.True(d.Store);
        Assert.True(d.UsedTargetedField);
        Assert.Equal(TimeSpan.FromSeconds(seconds), d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_CdnMaxAgeShorterThanCacheControl_CdnWins()
    {
        Assert.Equal(TimeSpan.FromSeconds(1),
            Decide(("Cache-Control", "max-age=3600"), ("CDN-Cache-Control", "max-age=1")).FreshnessLifetime);
    }

    [Fact]
    public void Decide_CdnMaxAgeWithCacheControlNoStore_Stored()
    {
        var d = Decide(("Cache-Control", "no-store"), ("CDN-Cache-Control", "max-age=10000"));

        Assert.True(d.Store);
        Assert.Equal(TimeSpan.FromSeconds(10000), d.FreshnessLifetime);
    }

    [Theory]
    [InlineData("private")]
    [InlineData("no-store")]
    public void Decide_CdnPrivateOrNoStore_NotStored(string cdn)
    {
        Assert.False(Decide(("CDN-Cache-Control", cdn), ("Cache-Control", "max-age=10000"), ("Expires", Date(10000)), ("Date", Date(0))).Store);
    }

    [Fact]
    public void Decide_CdnNoCache_AlwaysRevalidate()
    {
        var d = Decide(("CDN-Cache-Control", "no-cache"), ("Cache-Control", "max-age=10000"), ("Expires", Date(10000)), ("Date", Date(0)), ("ETag", "\"a\""));

        Assert.True(d.Store);
        Assert.True(d.AlwaysRevalidate);
        Assert.Equal(TimeSpan.Zero, d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_CdnNoCacheWithoutValidator_NotStored()
    {
        var d = Decide(("CDN-Cache-Control", "no-cache"), ("Cache-Control", "max-age=10000"), ("Expires", Date(10000)), ("Date", Date(0)));

        Assert.False(d.Store);
        Assert.Equal("no freshness and no validator", d.Reason);
    }

    [Fact]
    public void Decide_CdnPresentWithoutFreshness_IgnoresExpires()
    {
        var d = Decide(("CDN-Cache-Control", "foo"), ("Expires", Date(10000)), ("Date", Date(0)), ("ETag", "\"x\""));

        Assert.Equal(TimeSpan.Zero, d.FreshnessLifetime);
    }

    [Theory]
    [InlineData("max-age=10000, &&&&&")]
    [InlineData("max-age=\"10000\"")]
    [InlineData("max-age =100")]
    [InlineData("max-age= 100")]
    public void Decide_InvalidCdnCacheControl_FallsBackToCacheControl(string cdn)
    {
        var d = Decide(("CDN-Cache-Control", cdn), ("Cache-Control", "no-store"));

        Assert.False(d.Store);
        Assert.Equal("no-store", d.Reason);
    }

    [Fact]
    public void Decide_MinTtl_ClampsUpExplicitFreshness()
    {
        var ttl = new TtlBounds(TimeSpan.FromSeconds(60), null, TimeSpan.FromDays(1));
        var d = StorageRules.Decide("GET", 200, new HeaderDictionary(), Of(("Cache-Control", "max-age=5")), ttl, Now, Now);

        Assert.Equal(TimeSpan.FromSeconds(60), d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_MaxTtl_ClampsDownExplicitFreshness()
    {
        var ttl = new TtlBounds(TimeSpan.Zero, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(100));
        var d = StorageRules.Decide("GET", 200, new HeaderDictionary(), Of(("Cache-Control", "max-age=3600")), ttl, Now, Now);

        Assert.Equal(TimeSpan.FromSeconds(100), d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_DefaultTtl_UsedWithoutOriginFreshness()
    {
        var ttl = new TtlBounds(TimeSpan.Zero, TimeSpan.FromSeconds(86400), TimeSpan.FromDays(365));
        var d = StorageRules.Decide("GET", 200, new HeaderDictionary(), Of(("Last-Modified", Date(-100))), ttl, Now, Now);

        Assert.True(d.Store);
        Assert.False(d.Heuristic);
        Assert.Equal(TimeSpan.FromSeconds(86400), d.FreshnessLifetime);
    }

    [Fact]
    public void Decide_DefaultTtlWithoutValidator_Stored()
    {
        var ttl = new TtlBounds(TimeSpan.Zero, TimeSpan.FromSeconds(60), TimeSpan.FromDays(365));

        Assert.True(StorageRules.Decide("GET", 200, new HeaderDictionary(), new HeaderDictionary(), ttl, Now, Now).Store);
    }

    [Theory]
    [InlineData("no-store")]
    [InlineData("private")]
    [InlineData("no-cache")]
    public void Decide_PositiveMinTtl_CachesDespiteOriginRefusal(string cc)
    {
        var ttl = new TtlBounds(TimeSpan.FromSeconds(30), null, TimeSpan.FromDays(1));
        var d = StorageRules.Decide("GET", 200, new HeaderDictionary(), Of(("Cache-Control", cc)), ttl, Now, Now);

        Assert.True(d.Store);
        Assert.False(d.AlwaysRevalidate);
        Assert.Equal(TimeSpan.FromSeconds(30), d.FreshnessLifetime);
    }
}
