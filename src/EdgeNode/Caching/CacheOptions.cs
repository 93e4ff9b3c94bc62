namespace EdgeCompute.EdgeNode.Caching;

/// <summary>The node's HTTP cache; bound from the <c>Cache</c> section of edge.json.</summary>
public sealed class CacheOptions
{
    /// <summary>Bytes of bodies and headers the cache may hold; the least recently used go first.</summary>
    public long SizeLimitBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Responses larger than this are passed through and not stored.</summary>
    public long MaxObjectBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Stored variants (Vary) per URL; the oldest is replaced past it.</summary>
    public int MaxVariants { get; set; } = 16;

    /// <summary>How far an unshared fetch may run ahead of its one viewer before it waits (back-pressure).</summary>
    public int PassBufferBytes { get; set; } = 1024 * 1024;
}
