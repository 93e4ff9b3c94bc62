using System.Text;
using System.Text.RegularExpressions;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>
/// Lambda's rules for a function's environment variables: names of letters, digits and underscores
/// starting with a letter, none starting with <c>AWS_</c> (Lambda reserves them, and the runtime sets
/// its own), and 4 KB for all names and values together. The registry applies the same rules, so a
/// snapshot it sends is never refused for them.
/// </summary>
internal static partial class FunctionEnvironmentRules
{
    /// <summary>Lambda's limit on the total size of a function's environment variables.</summary>
    public const int MaxTotalBytes = 4 * 1024;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();

    public static void Check(IReadOnlyDictionary<string, string>? environment, string file, List<ConfigError> errors)
    {
        if (environment is null)
        {
            return;
        }
        var total = 0;
        foreach (var (key, value) in environment)
        {
            if (!KeyPattern().IsMatch(key))
            {
                errors.Add(new ConfigError(file, $"$.environment.{key}", "is not a valid name: use letters, digits and underscores, starting with a letter"));
            }
            else if (key.StartsWith("AWS_", StringComparison.Ordinal))
            {
                errors.Add(new ConfigError(file, $"$.environment.{key}", "is reserved: names starting with AWS_ belong to the runtime"));
            }
            if (value is null)
            {
                errors.Add(new ConfigError(file, $"$.environment.{key}", "must be a string"));
            }
            total += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value ?? "");
        }
        if (total > MaxTotalBytes)
        {
            errors.Add(new ConfigError(file, "$.environment", $"is {total} bytes in all (names and values), over Lambda's {MaxTotalBytes}-byte limit"));
        }
    }
}
