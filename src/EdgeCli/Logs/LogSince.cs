using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeCompute.EdgeCli.Logs;

/// <summary><c>--since</c>: a duration back from now (<c>90s</c>, <c>10m</c>, <c>2h</c>, <c>7d</c>) or an ISO 8601 time with an offset.</summary>
internal static partial class LogSince
{
    public static readonly TimeSpan Default = TimeSpan.FromMinutes(10);

    [GeneratedRegex(@"^(\d{1,6})(s|m|h|d)$")]
    private static partial Regex Duration();

    /// <summary>The time <paramref name="text"/> names (now minus <see cref="Default"/> when null), or null when it names none.</summary>
    public static DateTimeOffset? Parse(string? text, DateTimeOffset now)
    {
        if (text is null)
        {
            return now - Default;
        }
        if (Duration().Match(text) is { Success: true } match)
        {
            var amount = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            return now - match.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
        }
        // An explicit offset only: a bare time would silently be read in this machine's zone.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || OffsetSuffix().IsMatch(text);
        return hasOffset && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) ? time : null;
    }

    [GeneratedRegex(@"T.*[+-]\d{2}:\d{2}$")]
    private static partial Regex OffsetSuffix();
}
