using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace EdgeCompute.EdgeNode.Caching.Rules;

/// <summary>
/// HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, plus the obsolete rfc850-date and asctime-date forms recipients
/// must accept.
/// </summary>
/// <remarks>
/// Hand-written rather than <c>HeaderUtilities.TryParseDate</c>: the framework parser is deliberately lenient
/// (it accepts <c>UTC</c> and numeric zones, one-digit hours, two-digit years in IMF-fixdate, <c>18-Aug-2050</c>,
/// and runs of spaces), and RFC 9111 §5.3 says an invalid Expires means "already expired"; the conformance
/// suite (expires-parse) checks exactly those malformed values. Names are matched case-insensitively, which
/// the suite counts as optimal (<c>THU</c>, <c>AUG</c>, <c>gMT</c>).
/// </remarks>
internal static class HttpDate
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    private static readonly string[] ShortDays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private static readonly string[] LongDays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>The single value of a date field; false when absent, malformed, or given more than once with different values.</summary>
    public static bool TryParseField(StringValues fieldLines, out DateTimeOffset value)
    {
        value = default;
        if (fieldLines.Count == 0)
        {
            return false;
        }
        // RFC 9111 §4.2.1: with several values a cache uses the first or treats the response as stale; differing
        // lines are treated as invalid (stale), identical repeats (a proxy duplicating the line) as one value.
        for (var i = 1; i < fieldLines.Count; i++)
        {
            if (!string.Equals(fieldLines[i]?.Trim(), fieldLines[0]?.Trim(), StringComparison.Ordinal))
            {
                return false;
            }
        }
        return TryParse(fieldLines[0], out value);
    }

    /// <summary>Parses one HTTP-date; false for anything outside the three RFC 9110 forms.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }
        var s = text.AsSpan().Trim(" \t");
        var comma = s.IndexOf(',');
        if (comma == 3)
        {
            // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" (exactly 29 characters).
            return s.Length == 29 && IsName(s[..3], ShortDays) && s[4] == ' '
                && TryTwoDigits(s[5..7], out var day) && s[7] == ' '
                && TryMonth(s[8..11], out var month) && s[11] == ' '
                && TryDigits(s[12..16], out var year) && s[16] == ' '
                && TryTime(s[17..25], out var h, out var m, out var sec)
                && s[25] == ' ' && s[26..].Equals("GMT", StringComparison.OrdinalIgnoreCase)
                && TryBuild(year, month, day, h, m, sec, out value);
        }
        if (comma > 3)
        {
            // rfc850-date: "Sunday, 06-Nov-94 08:49:37 GMT".
            var rest = s[(comma + 1)..];
            return IsName(s[..comma], LongDays) && rest.Length == 23 && rest[0] == ' '
                && TryTwoDigits(rest[1..3], out var day) && rest[3] == '-'
                && TryMonth(rest[4..7], out var month) && rest[7] == '-'
                && TryTwoDigits(rest[8..10], out var yy) && rest[10] == ' '
                && TryTime(rest[11..19], out var h, out var m, out var sec)
                && rest[19] == ' ' && rest[20..].Equals("GMT", StringComparison.OrdinalIgnoreCase)
                && TryBuild(FullYear(yy), month, day, h, m, sec, out value);
        }
        if (comma < 0 && s.Length == 24)
        {
            // asctime-date: "Sun Nov  6 08:49:37 1994" (day padded with a space, not a zero).
            return IsName(s[..3], ShortDays) && s[3] == ' '
                && TryMonth(s[4..7], out var month) && s[7] == ' '
                && TryAsctimeDay(s[8..10], out var day) && s[10] == ' '
                && TryTime(s[11..19], out var h, out var m, out var sec) && s[19] == ' '
                && TryDigits(s[20..24], out var year)
                && TryBuild(year, month, day, h, m, sec, out value);
        }
        return false;
    }

    /// <summary>IMF-fixdate, the only form a sender may generate.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    private static int FullYear(int yy)
    {
        // RFC 9110 §5.6.7: a two-digit year more than 50 years in the future is the most recent past year with
        // those digits. The current clock is the only reference a parser has.
        var now = DateTime.UtcNow.Year;
        var year = now - now % 100 + yy;
        if (year > now + 50)
        {
            year -= 100;
        }
        else if (year < now - 50)
        {
            year += 100;
        }
        return year;
    }

    private static bool IsName(ReadOnlySpan<char> s, string[] names)
    {
        foreach (var name in names)
        {
            if (s.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool TryMonth(ReadOnlySpan<char> s, out int month)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            if (s.Equals(Months[i], StringComparison.OrdinalIgnoreCase))
            {
                month = i + 1;
                return true;
            }
        }
        month = 0;
        return false;
    }

    private static bool TryTime(ReadOnlySpan<char> s, out int h, out int m, out int sec)
    {
        m = sec = 0;
        return TryTwoDigits(s[..2], out h) && s[2] == ':' && TryTwoDigits(s[3..5], out m) && s[5] == ':'
            && TryTwoDigits(s[6..8], out sec);
    }

    private static bool TryAsctimeDay(ReadOnlySpan<char> s, out int day)
    {
        if (s[0] == ' ')
        {
            day = s[1] - '0';
            return s[1] is >= '0' and <= '9';
        }
        return TryTwoDigits(s, out day);
    }

    private static bool TryTwoDigits(ReadOnlySpan<char> s, out int value) => TryDigits(s, out value) && s.Length == 2;

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return !s.IsEmpty;
    }

    private static bool TryBuild(int year, int month, int day, int h, int m, int sec, out DateTimeOffset value)
    {
        value = default;
        // A leap second (:60) is valid time-of-day syntax; DateTime has no room for it, so it rounds down.
        if (year < 1 || day < 1 || day > DateTime.DaysInMonth(year, month) || h > 23 || m > 59 || sec > 60)
        {
            return false;
        }
        value = new DateTimeOffset(year, month, day, h, m, Math.Min(sec, 59), TimeSpan.Zero);
        return true;
    }
}
