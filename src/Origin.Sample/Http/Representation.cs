using System.Text;

namespace EdgeCompute.Origin.Sample.Http;

/// <summary>
/// A fully materialised response body plus the metadata a cache cares about. Sample bodies are
/// small and deterministic, so holding them in memory keeps ETags exact and Content-Length known.
/// </summary>
internal sealed record Representation
{
    /// <summary>
    /// Every cacheable body claims the same fixed modification time. A fixed value (rather than
    /// process start time) keeps If-Modified-Since behaviour identical across restarts.
    /// </summary>
    public static readonly DateTimeOffset FixedLastModified = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private Representation(byte[] body, string contentType, string cacheControl, string? etag)
    {
        Body = body;
        ContentType = contentType;
        CacheControl = cacheControl;
        ETag = etag;
    }

    public byte[] Body { get; }

    public string ContentType { get; }

    public string CacheControl { get; }

    /// <summary>Null for dynamic content, which gets no validators.</summary>
    public string? ETag { get; }

    public DateTimeOffset? LastModified => ETag is null ? null : FixedLastModified;

    public string? Vary { get; init; }

    /// <summary>Deterministic content: carries a strong ETag and Last-Modified.</summary>
    public static Representation Cacheable(byte[] body, string contentType, string cacheControl)
        => new(body, contentType, cacheControl, EntityTags.FromBody(body));

    public static Representation Cacheable(string text, string contentType, string cacheControl)
        => Cacheable(Encoding.UTF8.GetBytes(text), contentType, cacheControl);

    /// <summary>Content that differs per request: no validators, so no conditional handling.</summary>
    public static Representation Dynamic(byte[] body, string contentType, string cacheControl)
        => new(body, contentType, cacheControl, etag: null);

    public static Representation Dynamic(string text, string contentType, string cacheControl)
        => Dynamic(Encoding.UTF8.GetBytes(text), contentType, cacheControl);

    public IResult ToResult(int statusCode = StatusCodes.Status200OK) => new RepresentationResult(this, statusCode);
}
