using System.Globalization;
using System.Text.RegularExpressions;

namespace EdgeCompute.Origin.Sample.Registry.Layers;

/// <summary><c>arn:edge:layer:{account}:{name}:{version}</c>, as Lambda names layer versions.</summary>
internal static partial class LayerArn
{
    [GeneratedRegex("^arn:edge:layer:([0-9]{12}):([A-Za-z0-9_-]{1,64}):([1-9][0-9]{0,8})$")]
    private static partial Regex Pattern();

    public static string Format(string accountId, string name, int version) =>
        string.Create(CultureInfo.InvariantCulture, $"arn:edge:layer:{accountId}:{name}:{version}");

    public static bool TryParse(string arn, out string accountId, out string name, out int version)
    {
        var match = Pattern().Match(arn);
        accountId = match.Groups[1].Value;
        name = match.Groups[2].Value;
        version = match.Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        return match.Success;
    }
}
