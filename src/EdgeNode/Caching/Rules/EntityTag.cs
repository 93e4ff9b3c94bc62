using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>An entity-tag (RFC 9110 §8.8.3) as compared by the cache: weakness flag and opaque-tag.</summary>
/// <remarks>
/// Well-formed values go through <see cref="EntityTagHeaderValue"/>. Malformed ones (unquoted <c>abcdef</c>,
/// <c>w/"x"</c>, obs-text the framework parser rejects) fall back to a hand-written lenient reading, because
/// origins do send them and the suite's conditional-etag checks expect an identical malformed tag to match.
/// </remarks>
internal readonly record struct EntityTag(bool IsWeak, string Opaque)
{
    /// <summary>The single entity-tag of an ETag field; null when absent or empty.</summary>
    public static EntityTag? ParseSingle(StringValues etag)
    {
        if (etag.Count == 0 || string.IsNullOrWhiteSpace(etag[0]))
        {
            return null;
        }
        var text = etag[0]!.Trim();
        return EntityTagHeaderValue.TryParse(text, out var parsed) && !parsed.Equals(EntityTagHeaderValue.Any)
            ? new EntityTag(parsed.IsWeak, parsed.Tag.ToString())
            : Lenient(text);
    }

    /// <summary>An If-Match / If-None-Match list; <paramref name="any"/> when it is <c>*</c>.</summary>
    public static List<EntityTag> ParseList(StringValues lines, out bool any)
    {
        any = false;
        var tags = new List<EntityTag>();
        foreach (var member in FieldList.Split(lines))
        {
            if (member == "*")
            {
                any = true;
                continue;
            }
            tags.Add(EntityTagHeaderValue.TryParse(member, out var parsed)
                ? new EntityTag(parsed.IsWeak, parsed.Tag.ToString())
                : Lenient(member));
        }
        return tags;
    }

    /// <summary>RFC 9110 §8.8.3.2 strong comparison: both strong and the opaque-tags equal.</summary>
    public bool StrongEquals(EntityTag other) => !IsWeak && !other.IsWeak && Opaque == other.Opaque;

    /// <summary>RFC 9110 §8.8.3.2 weak comparison: opaque-tags equal, weakness ignored.</summary>
    public bool WeakEquals(EntityTag other) => Opaque == other.Opaque;

    private static EntityTag Lenient(string text)
    {
        var weak = text.StartsWith("W/", StringComparison.OrdinalIgnoreCase);
        var opaque = weak ? text[2..] : text;
        // Quote a bare tag so that abcdef and "abcdef" compare equal.
        if (!(opaque.Length >= 2 && opaque[0] == '"' && opaque[^1] == '"'))
        {
            opaque = "\"" + opaque + "\"";
        }
        return new EntityTag(weak, opaque);
    }
}
