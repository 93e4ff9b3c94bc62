using System.Text.RegularExpressions;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Registry;

/// <summary>The contract's naming rules, checked before a name reaches the store.</summary>
internal static partial class ResourceNames
{
    public const string Latest = "$LATEST";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Name();

    [GeneratedRegex("^[A-Z0-9]{1,32}$")]
    private static partial Regex DistributionId();

    [GeneratedRegex("^[0-9]+$")]
    private static partial Regex Digits();

    /// <summary>Functions, layers, key-value stores.</summary>
    public static string Check(string kind, string? name) =>
        name is not null && Name().IsMatch(name)
            ? name
            : throw RegistryProblemException.Invalid($"{kind} name '{name}' must be 1–64 letters, digits, '-' or '_'");

    /// <summary>Aliases: a name that cannot be mistaken for a version number or <c>$LATEST</c>.</summary>
    public static string CheckAlias(string? name) =>
        name is not null && Name().IsMatch(name) && !Digits().IsMatch(name)
            ? name
            : throw RegistryProblemException.Invalid($"alias name '{name}' must be 1–64 letters, digits, '-' or '_', and not all digits");

    public static bool IsDistributionId(string? id) => id is not null && DistributionId().IsMatch(id);

    /// <summary>A version number as the URL or a qualifier spells it, or null when it is not one.</summary>
    public static int? Version(string? text) =>
        text is not null && Digits().IsMatch(text) && text.Length <= 9 && text[0] != '0'
            ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
