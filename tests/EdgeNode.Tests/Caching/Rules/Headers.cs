using EdgeCompute.EdgeNode.Caching.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace EdgeCompute.EdgeNode.Tests.Caching.Rules;

/// <summary>Builders for header sets in rule tests: each pair is one field line, repeated names give several lines.</summary>
internal static class Headers
{
    /// <summary>A fixed "now" so dates in tests are exact.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static HeaderDictionary Of(params (string Name, string Value)[] lines)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in lines)
        {
            headers[name] = StringValues.Concat(headers[name], value);
        }
        return headers;
    }

    /// <summary>An HTTP-date <paramref name="seconds"/> from <see cref="Now"/>, as the suite's ['Date', n] means.</summary>
    public static string Date(int seconds) => HttpDate.Format(Now.AddSeconds(seconds));

    public static StringValues Lines(params string[] lines) => new(lines);
}
