namespace EdgeCompute.Origin.Sample.Http;

/// <summary>
/// The Cache-Control values the origin emits. Each content kind deliberately uses a different
/// policy so the edge node's freshness, revalidation and bypass paths can all be exercised.
/// </summary>
internal static class CachePolicies
{
    /// <summary>Home page: short shared freshness so revalidation happens often.</summary>
    public const string HomePage = "public, max-age=60";

    /// <summary>Content pages: shared caches (s-maxage) keep them longer than browsers do.</summary>
    public const string ContentPage = "public, max-age=300, s-maxage=600";

    /// <summary>API data: briefly fresh, then served stale while the edge revalidates.</summary>
    public const string ApiData = "public, max-age=30, stale-while-revalidate=30";

    /// <summary>Per-user data: browsers may cache it, shared caches must not.</summary>
    public const string PrivateData = "private, max-age=60";

    /// <summary>Images are content-addressed by name, so they never change.</summary>
    public const string Image = "public, max-age=86400, immutable";

    /// <summary>Fingerprint-style static assets: cache for a year.</summary>
    public const string StaticAsset = "public, max-age=31536000, immutable";

    /// <summary>Generated bulk bodies: same freshness as the home page.</summary>
    public const string LargeBody = "public, max-age=60";

    /// <summary>Negative caching: misses are cheap to cache but should not linger.</summary>
    public const string NotFound = "public, max-age=10";

    /// <summary>Anything that reflects the request or the clock must never be stored.</summary>
    public const string NoStore = "no-store";
}
