using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>The Age field (RFC 9111 §5.1): reading it from an upstream response and writing it on a stored one.</summary>
internal static class AgeRules
{
    /// <summary>
    /// The upstream Age: the first member of the first line, digits only, capped at 2^31 seconds; null when
    /// absent or invalid (<c>abc</c>, <c>-7200</c>, <c>7200.0</c>), which RFC 9111 §5.1 says to ignore.
    /// A parameter (<c>7200;foo=bar</c>) is cut off rather than voiding the value, as suite check age-parse
    /// expects; "first line, first member" is what age-parse's <c>old, 0</c> and multi-line tests expect.
    /// </summary>
    public static TimeSpan? Parse(StringValues fieldLines)
    {
        if (fieldLines.Count == 0 || fieldLines[0] is not { } line)
        {
            return null;
        }
        var first = line.AsSpan();
        var comma = first.IndexOf(',');
        if (comma >= 0)
        {
            first = first[..comma];
        }
        var semicolon = first.IndexOf(';');
        if (semicolon >= 0)
        {
            first = first[..semicolon];
        }
        first = first.Trim(" \t");
        if (first.IsEmpty || first.ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }
        return CacheControlDirectives.TryParseDeltaSeconds(first, out var age) ? age : null;
    }

    /// <summary>The Age value to send: whole seconds, rounded down, capped at 2147483648 (RFC 9111 §1.2.2).</summary>
    public static string FormatAge(TimeSpan age)
    {
        var seconds = age <= TimeSpan.Zero ? 0 : Math.Min((long)Math.Floor(age.TotalSeconds), 2147483648L);
        return seconds.ToString(CultureInfo.InvariantCulture);
    }
}
