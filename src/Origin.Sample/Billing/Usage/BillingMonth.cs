using System.Globalization;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Billing.Usage;

/// <summary>Billing months as <c>yyyy-MM</c> in UTC: the text is the stored key, and sorts as the months do.</summary>
internal static class BillingMonth
{
    private const string Format = "yyyy-MM";

    public static string Of(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The month a query names, or the current UTC month when it names none.</summary>
    public static string Parse(string? month, TimeProvider time)
    {
        if (month is null)
        {
            return Of(time.GetUtcNow());
        }
        return month.Length == Format.Length &&
            DateTime.TryParseExact(month, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? month
            : throw RegistryProblemException.Invalid($"month '{month}' must be a month as yyyy-MM, e.g. 2026-11");
    }
}
