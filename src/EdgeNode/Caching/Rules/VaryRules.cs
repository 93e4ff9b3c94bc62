using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>Secondary cache key (RFC 9111 §4.1).</summary>
internal static class VaryRules
{
    /// <summary>Fields whose members are an unordered, case-insensitive set, so order and case are normalised away.</summary>
    private static readonly HashSet<string> UnorderedCaseInsensitive = new(StringComparer.OrdinalIgnoreCase)
    {
        "accept-language", "accept-encoding",
    };

    /// <summary>
    /// Field names listed in Vary (lower-case, trimmed, de-duplicated), from every line; <paramref name="isStar"/>
    /// when any member is <c>*</c> (<c>*</c>, <c>*, *</c>, <c>, *</c>, <c>Foo, *</c>: the response never matches).
    /// </summary>
    public static IReadOnlyList<string> ReadVaryFields(IHeaderDictionary responseHeaders, out bool isStar)
    {
        isStar = false;
        var fields = new List<string>();
        foreach (var member in FieldList.Split(responseHeaders[HeaderNames.Vary]))
        {
            if (member == "*")
            {
                isStar = true;
                continue;
            }
            var name = member.ToLowerInvariant();
            if (!fields.Contains(name))
            {
                fields.Add(name);
            }
        }
        return fields;
    }

    /// <summary>
    /// The request's values for <paramref name="fields"/>, normalised: lines combined with ", " and whitespace
    /// around commas trimmed (RFC 9111 §4.1 allows normalising; suite vary "combining fields", "removing
    /// whitespace"), Accept-Language/Accept-Encoding also lower-cased and sorted. Same order; missing is null.
    /// </summary>
    public static string?[] SelectValues(IReadOnlyList<string> fields, IHeaderDictionary requestHeaders)
    {
        var values = new string?[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            values[i] = requestHeaders.TryGetValue(fields[i], out var lines) && lines.Count > 0
                ? Normalise(fields[i], lines)
                : null;
        }
        return values;
    }

    /// <summary>
    /// Whether a stored response selected with <paramref name="storedValues"/> may serve this request. A field
    /// absent from both requests matches; absent from only one does not (suite: vary "omits variant header").
    /// </summary>
    public static bool Matches(IReadOnlyList<string> fields, string?[] storedValues, IHeaderDictionary requestHeaders)
    {
        if (fields.Count != storedValues.Length || fields.Contains("*"))
        {
            return false;
        }
        var current = SelectValues(fields, requestHeaders);
        for (var i = 0; i < current.Length; i++)
        {
            if (!string.Equals(current[i], storedValues[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static string Normalise(string field, StringValues lines)
    {
        var members = new List<string>();
        foreach (var line in lines)
        {
            if (line is not null)
            {
                // Trims each member and drops empty ones; quote-aware so a comma inside quotes stays put.
                FieldList.SplitLine(line, members);
            }
        }
        if (UnorderedCaseInsensitive.Contains(field))
        {
            for (var i = 0; i < members.Count; i++)
            {
                members[i] = members[i].ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
            }
            members.Sort(StringComparer.Ordinal);
        }
        return string.Join(", ", members);
    }
}
