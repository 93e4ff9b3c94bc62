using Microsoft.AspNetCore.Http;

namespace EdgeCompute.EdgeNode.Caching;

/// <summary>
/// The head of an origin fetch's answer, published as soon as the origin stages are through, while
/// the body may still be arriving in <see cref="Body"/>. Every viewer collapsed onto the fetch
/// answers from it.
/// </summary>
internal sealed record FetchHead
{
    public required int Status { get; init; }

    public string? ReasonPhrase { get; init; }

    /// <summary>The header fields to send (framing fields excluded).</summary>
    public required IHeaderDictionary Headers { get; init; }

    public required BodyBuffer Body { get; init; }

    /// <summary>The body's length when the origin declared it (or it is complete); null while unknown.</summary>
    public long? ContentLength { get; init; }

    public required FetchSource Source { get; init; }

    /// <summary>Other viewers may be answered from it: it is (being) stored.</summary>
    public bool Shareable => Stored is not null;

    /// <summary>The response as stored (or as it will be once its body is complete); null when not stored.</summary>
    public CachedResponse? Stored { get; init; }

    /// <summary>
    /// The reader the fetch opened for the viewer that started it, before any byte arrived: a body
    /// that is not retained can only be read by readers that were there from the start.
    /// </summary>
    public BodyBuffer.Reader? Reader { get; init; }

    /// <summary>
    /// Every field of the origin's answer, for the viewer whose request made the fetch only
    /// (<see cref="Headers"/> is what others get: nothing RFC 9111 keeps out of a store, such as the fields a qualified no-cache names).
    /// </summary>
    public IHeaderDictionary? StarterHeaders { get; init; }

    /// <summary>This viewer joined a fetch another viewer started: it was answered without going to the origin.</summary>
    public bool Collapsed { get; init; }

    /// <summary>The head of a stored response, for answers from the cache.</summary>
    public static FetchHead FromStored(CachedResponse stored, FetchSource source) => new()
    {
        Status = stored.Status,
        ReasonPhrase = stored.ReasonPhrase,
        Headers = stored.Headers,
        Body = stored.Body,
        ContentLength = stored.Body.IsCompleted ? stored.Body.Length : null,
        Source = source,
        Stored = stored,
    };
}
