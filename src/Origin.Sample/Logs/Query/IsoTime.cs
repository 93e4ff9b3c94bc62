using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeCompute.Origin.Sample.Logs.Query;

/// <summary>ISO 8601 times with an explicit offset: a time without one would be read in the origin's own zone.</summary>
internal static partial class IsoTime
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        return text is not null && Pattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out time);
    }
}
