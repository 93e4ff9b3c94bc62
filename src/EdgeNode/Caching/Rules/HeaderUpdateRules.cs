using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>Updating stored header fields from a 304 or a HEAD response (RFC 9111 §3.2, §4.3.4, §4.3.5).</summary>
internal static class HeaderUpdateRules
{
    /// <summary>
    /// Fields the stored content depends on. Content-Length (RFC 9111 §3.2, suite: required) describes the stored
    /// bytes; so do Content-Encoding and Content-Range, which §3.2 lets a cache keep "to assure integrity of the
    /// stored response" — a 304 cannot re-encode the bytes we hold (suite: check only).
    /// </summary>
    private static readonly HashSet<string> DescribesStoredContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Length", "Content-Encoding", "Content-Range",
    };

    /// <summary>
    /// Whether this field of the new response replaces the stored one: false for Content-Length,
    /// Content-Encoding, Content-Range and fields never stored (hop-by-hop, proxy authentication).
    /// Fields the new response names in Connection are excluded by <see cref="MayUpdate(string, IHeaderDictionary)"/>.
    /// </summary>
    public static bool MayUpdate(string fieldName) =>
        !DescribesStoredContent.Contains(fieldName) && !StoredHeaderRules.IsNeverStored(fieldName);

    /// <summary><see cref="MayUpdate(string)"/>, also excluding fields the new response lists in its Connection field.</summary>
    public static bool MayUpdate(string fieldName, IHeaderDictionary newHeaders) =>
        MayUpdate(fieldName) && !StoredHeaderRules.IsListedIn(fieldName, newHeaders[HeaderNames.Connection]);

    /// <summary>
    /// Which stored response a 304 applies to (RFC 9111 §4.3.4): a strong ETag in the 304 must strongly match the
    /// stored one; a weak one must weakly match; without an ETag, a Last-Modified must equal the stored one.
    /// A 304 with no validator at all is taken to answer the conditional request the cache built from this
    /// stored response (many origins omit ETag from 304s), which is wider than §4.3.4's "only if the stored
    /// response also lacks one".
    /// </summary>
    public static bool Selects(IHeaderDictionary notModifiedHeaders, IHeaderDictionary storedHeaders)
    {
        if (EntityTag.ParseSingle(notModifiedHeaders[HeaderNames.ETag]) is { } newTag)
        {
            return EntityTag.ParseSingle(storedHeaders[HeaderNames.ETag]) is { } storedTag
                && (newTag.IsWeak ? newTag.WeakEquals(storedTag) : newTag.StrongEquals(storedTag));
        }
        if (notModifiedHeaders.TryGetValue(HeaderNames.LastModified, out var newLastModified) && newLastModified.Count > 0)
        {
            return HttpDate.TryParseField(newLastModified, out var newDate)
                && HttpDate.TryParseField(storedHeaders[HeaderNames.LastModified], out var storedDate)
                && newDate == storedDate;
        }
        return true;
    }

    /// <summary>
    /// The stored fields after freshening with <paramref name="newHeaders"/> (RFC 9111 §3.2): every updatable
    /// field of the new response replaces all stored lines of that field; the rest stays. The stored Age is
    /// always dropped: it described the old response, and keeping it would age the freshened one again.
    /// Run <see cref="StorageRules.Decide"/> on the result with the validation request's times.
    /// </summary>
    public static HeaderDictionary Merge(IHeaderDictionary storedHeaders, IHeaderDictionary newHeaders)
    {
        var merged = new HeaderDictionary();
        foreach (var (name, value) in storedHeaders)
        {
            if (!name.Equals(HeaderNames.Age, StringComparison.OrdinalIgnoreCase))
            {
                merged[name] = value;
            }
        }
        foreach (var (name, value) in newHeaders)
        {
            if (MayUpdate(name, newHeaders))
            {
                merged[name] = value;
            }
        }
        return merged;
    }
}
