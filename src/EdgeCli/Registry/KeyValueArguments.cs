using System.CommandLine;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// Repeatable <c>KEY=VALUE</c> options (<c>--env STAGE=prod</c>, <c>--weight 3=0.1</c>), parsed
/// while the command line is: a malformed one is a usage error before anything is sent.
/// </summary>
internal static class KeyValueArguments
{
    /// <summary>
    /// The pairs, split at the first '=' (so a value may hold '='; it may be empty, a key may not),
    /// each checked by <paramref name="checkValue"/> (an error message, or null when fine). A key given
    /// twice is an error: which one was meant is not for the CLI to guess.
    /// </summary>
    public static Dictionary<string, string> Parse(string option, IEnumerable<string> arguments, Func<string, string?>? checkValue, List<string> errors)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var argument in arguments)
        {
            var eq = argument.IndexOf('=');
            if (eq <= 0)
            {
                errors.Add($"{option}: '{argument}' is not KEY=VALUE");
                continue;
            }
            var (key, value) = (argument[..eq], argument[(eq + 1)..]);
            if (checkValue?.Invoke(value) is { } problem)
            {
                errors.Add($"{option}: '{argument}': {problem}");
            }
            else if (!pairs.TryAdd(key, value))
            {
                errors.Add($"{option}: '{key}' is given twice");
            }
        }
        return pairs;
    }

    /// <summary>A repeatable option whose values are parsed by <see cref="Parse"/>; errors are parse errors (exit status 2).</summary>
    public static Option<Dictionary<string, string>> Option(string name, string description, Func<string, string?>? checkValue = null) => new(name)
    {
        Description = description,
        HelpName = "KEY=VALUE",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = result =>
        {
            var errors = new List<string>();
            var pairs = Parse(name, result.Tokens.Select(t => t.Value), checkValue, errors);
            foreach (var error in errors)
            {
                result.AddError(error);
            }
            return pairs;
        },
    };
}
