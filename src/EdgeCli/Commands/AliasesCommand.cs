using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeCli.Commands;

/// <summary><c>edge aliases …</c>: point a function's alias at a version (optionally weighted between two), list, delete.</summary>
internal static class AliasesCommand
{
    public static Command Create(RegistryOptions registry) =>
        registry.Group("aliases", "Manage a function's aliases (names for versions that bindings use).",
            SetCommand(registry), ListCommand(registry), DeleteCommand(registry));

    private static Argument<string> FunctionArgument() => new("function") { Description = "The function's name" };

    private static Argument<string> AliasArgument() => new("alias") { Description = "The alias, e.g. live" };

    private static Command SetCommand(RegistryOptions registry)
    {
        var function = FunctionArgument();
        var alias = AliasArgument();
        var version = new Argument<string>("version") { Description = "The version it points to" };
        var weight = KeyValueArguments.Option("--weight", "VERSION=FRACTION: send this fraction (0 to 1) of invocations to another version", CheckFraction);
        var description = new Option<string?>("--description") { Description = "What the alias is for" };
        var command = new Command("set", "Create or change an alias.") { function, alias, version, weight, description };
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var body = new JsonObject { ["functionVersion"] = parse.GetValue(version) };
            if (parse.GetValue(weight) is { Count: > 0 } weights)
            {
                var additional = new JsonObject(weights.Select(w => KeyValuePair.Create(w.Key, (JsonNode?)Fraction(w.Value))));
                body["routingConfig"] = new JsonObject { ["additionalVersionWeights"] = additional };
            }
            if (parse.GetValue(description) is { } text)
            {
                body["description"] = text;
            }
            var name = parse.GetValue(alias)!;
            var set = await context.Client.SendJsonAsync(HttpMethod.Put, RegistryClient.Path("functions", parse.GetValue(function)!, "aliases", name),
                body, cancellationToken);
            return context.Output.Answer(set, (w, answer) => w.WriteLine($"{name} → {Routing(answer!)}"));
        });
        return command;
    }

    private static Command ListCommand(RegistryOptions registry)
    {
        var function = FunctionArgument();
        var command = new Command("list", "List a function's aliases.") { function };
        registry.SetAction(command, (parse, context, cancellationToken) => context.ListAsync(
            RegistryClient.Path("functions", parse.GetValue(function)!, "aliases"), "aliases", new TextTable()
                .Column("NAME", "name").Column("ROUTING", Routing).Column("DESCRIPTION", "description"), "no aliases", cancellationToken));
        return command;
    }

    private static Command DeleteCommand(RegistryOptions registry)
    {
        var function = FunctionArgument();
        var alias = AliasArgument();
        var command = new Command("delete", "Delete an alias (refused while a distribution binds it).") { function, alias };
        registry.SetAction(command, (parse, context, cancellationToken) => context.DeleteAsync(
            RegistryClient.Path("functions", parse.GetValue(function)!, "aliases", parse.GetValue(alias)!), "alias", parse.GetValue(alias)!, cancellationToken));
        return command;
    }

    /// <summary><c>2</c>, or <c>2 (90%), 3 (10%)</c> for a weighted alias.</summary>
    private static string Routing(JsonNode alias)
    {
        var version = JsonText.Of(alias["functionVersion"]);
        if (alias["routingConfig"]?["additionalVersionWeights"] is not JsonObject { Count: > 0 } weights)
        {
            return version;
        }
        var others = weights.Select(w => (Version: w.Key, Weight: w.Value?.GetValue<double>() ?? 0)).ToList();
        return $"{version} ({Percent(1 - others.Sum(o => o.Weight))}), " + string.Join(", ", others.Select(o => $"{o.Version} ({Percent(o.Weight)})"));
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    private static double Fraction(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string? CheckFraction(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is >= 0 and < 1
            ? null : "the weight must be a number from 0 to 1 (exclusive), e.g. 0.1";
}
