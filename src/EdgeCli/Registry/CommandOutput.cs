using System.Text.Json;
using System.Text.Json.Nodes;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// Where a registry command writes: its result on stdout — human-readable text, or with
/// <c>--json</c> the registry's JSON for scripts — and everything else (notes, failures) on stderr
/// prefixed with the command's name, so that stdout stays parseable. Each method returns the exit status.
/// </summary>
internal sealed class CommandOutput(string command, bool json, TextWriter stdout, TextWriter stderr)
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };

    /// <summary>Writes the result: <paramref name="body"/> as JSON with <c>--json</c>, else what <paramref name="human"/> writes.</summary>
    public int Result(JsonNode? body, Action<TextWriter> human)
    {
        if (json)
        {
            stdout.WriteLine((body ?? new JsonObject()).ToJsonString(Pretty));
        }
        else
        {
            human(stdout);
        }
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The answer's result (<see cref="Result"/>), or its failure (<see cref="Failed"/>).
    /// <paramref name="noBody"/> stands in for the JSON of an answer without one (204 to a delete).
    /// </summary>
    public int Answer(RegistryResponse response, Action<TextWriter, JsonNode?> human, JsonNode? noBody = null) =>
        response.IsSuccess ? Result(response.Body ?? noBody, w => human(w, response.Body)) : Failed(response);

    /// <summary>A line for the user about a step (e.g. "created function hello"); stderr, so never in the JSON.</summary>
    public void Note(string message) => stderr.WriteLine($"{command}: {message}");

    /// <summary>
    /// The registry's refusal — its detail, code and any bindings or errors it listed — or why there
    /// was no answer.
    /// </summary>
    public int Failed(RegistryResponse response)
    {
        if (response.Status == 0)
        {
            stderr.WriteLine($"{command}: {response.Reason}");
            return response.ExitCode;
        }
        var problem = response.Problem;
        var message = problem?.Detail ?? problem?.Title ?? "no details given";
        var status = string.Join(" ", new[] { response.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), problem?.Code ?? response.Reason }
            .Where(p => !string.IsNullOrEmpty(p)));
        var failed = response.Status >= 500 ? "the registry failed: " : "";
        stderr.WriteLine($"{command}: {failed}{message} ({status})");
        if (response.Status == 401)
        {
            stderr.WriteLine($"{command}: check the API key (--key, ${CliSettings.KeyVariable} or 'edge login')");
        }
        if (problem is { Bindings.Count: > 0 })
        {
            stderr.WriteLine("  in use by:");
            foreach (var binding in problem.Bindings)
            {
                stderr.WriteLine("    " + binding);
            }
        }
        // A detail that already quotes an error (one syntax error) need not be followed by it again.
        foreach (var error in (problem?.Errors ?? []).Where(e => problem?.Detail?.Contains(e, StringComparison.Ordinal) != true))
        {
            stderr.WriteLine("  " + error);
        }
        return response.ExitCode;
    }

    /// <summary>Bad arguments or input files: every reason, then exit status 2.</summary>
    public int Usage(IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            stderr.WriteLine($"{command}: {error}");
        }
        return ExitCodes.Usage;
    }

    public int Usage(string error) => Usage([error]);

    public int NotLoggedIn(IEnumerable<string> reasons)
    {
        foreach (var reason in reasons)
        {
            stderr.WriteLine($"{command}: {reason}");
        }
        return ExitCodes.NotLoggedIn;
    }

    /// <summary>An object's members as aligned <c>name: value</c> lines (for the <c>get</c> commands).</summary>
    public static void Describe(TextWriter writer, JsonNode? body)
    {
        if (body is not JsonObject members || members.Count == 0)
        {
            return;
        }
        var width = members.Max(m => m.Key.Length) + 1;
        foreach (var (name, value) in members)
        {
            writer.WriteLine($"{(name + ":").PadRight(width)} {JsonText.Of(value)}");
        }
    }
}
