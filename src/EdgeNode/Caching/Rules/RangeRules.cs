using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>Range requests served from a stored full (200) response (RFC 9110 §14).</summary>
internal static class RangeRules
{
    /// <param name="length">Length of the stored content in bytes.</param>
    public static RangeResult Evaluate(string method, IHeaderDictionary requestHeaders, IHeaderDictionary storedHeaders, long length)
    {
        var full = new RangeResult(RangeOutcome.Full, 0, length);
        // RFC 9110 §14.2: Range is defined for GET only; other methods ignore it.
        if (!HttpMethods.IsGet(method) || !requestHeaders.TryGetValue(HeaderNames.Range, out var lines) || lines.Count != 1)
        {
            return full;
        }
        // An unparseable Range or an unknown unit is ignored, not an error (RFC 9110 §14.2).
        if (!RangeHeaderValue.TryParse(lines[0], out var range)
            || !range!.Unit.Equals("bytes", StringComparison.OrdinalIgnoreCase) || range.Ranges.Count != 1)
        {
            // Several ranges: the RFC allows answering with the whole representation instead of multipart.
            return full;
        }
        if (!IfRangeHolds(requestHeaders, storedHeaders))
        {
            return full;
        }
        var item = range.Ranges.First();
        if (item.From is { } from)
        {
            if (from >= length)
            {
                return new RangeResult(RangeOutcome.NotSatisfiable, 0, 0);
            }
            var last = item.To is { } to && to < length - 1 ? to : length - 1;
            return new RangeResult(RangeOutcome.Partial, from, last - from + 1);
        }
        // suffix-range "-N": the last N bytes; "-0" or an empty representation cannot satisfy it.
        var suffix = item.To ?? 0;
        if (suffix <= 0 || length == 0)
        {
            return new RangeResult(RangeOutcome.NotSatisfiable, 0, 0);
        }
        var count = Math.Min(suffix, length);
        return new RangeResult(RangeOutcome.Partial, length - count, count);
    }

    /// <summary>
    /// RFC 9110 §13.1.5: If-Range holds when its entity-tag strongly matches the stored ETag, or its date equals
    /// the stored Last-Modified. Anything else (weak tags, no stored validator, bad date) sends the full response.
    /// </summary>
    private static bool IfRangeHolds(IHeaderDictionary requestHeaders, IHeaderDictionary storedHeaders)
    {
        if (!requestHeaders.TryGetValue(HeaderNames.IfRange, out var ifRange) || ifRange.Count == 0)
        {
            return true;
        }
        var value = ifRange[0]?.Trim() ?? "";
        if (value.StartsWith('"') || value.StartsWith("W/", StringComparison.Ordinal))
        {
            return EntityTag.ParseSingle(value) is { } wanted
                && EntityTag.ParseSingle(storedHeaders[HeaderNames.ETag]) is { } stored
                && wanted.StrongEquals(stored);
        }
        return HttpDate.TryParse(value, out var date)
            && HttpDate.TryParseField(storedHeaders[HeaderNames.LastModified], out var lastModified)
            && date == lastModified;
    }
}
