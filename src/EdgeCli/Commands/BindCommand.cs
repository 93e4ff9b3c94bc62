using System.CommandLine;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeCli.Registry;
using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeCli.Commands;

/// <summary>
/// <c>edge bind</c> and <c>edge unbind</c>: attach a function version or alias to one event of a
/// distribution's cache behaviour, or detach it.
/// </summary>
internal static class BindCommand
{
    /// <summary>Bindings without a qualifier run the function's newest code (development distributions only).</summary>
    public const string DefaultQualifier = "$LATEST";

    public static Command Create(RegistryOptions registry)
    {
        var (distribution, path, eventName) = Target();
        var function = new Argument<string>("function")
        {
            Description = $"NAME:QUALIFIER — a version number or an alias (default {DefaultQualifier}, for development distributions)",
        };
        var includeBody = new Option<bool>("--include-body") { Description = "Request events only: pass the request body to the function" };
        var command = registry.AddTo(new Command("bind", "Run a function at an event of a distribution's cache behaviour.")
        {
            distribution, path, eventName, function, includeBody,
        });
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var (name, qualifier) = SplitQualifier(parse.GetValue(function)!);
            var body = new JsonObject
            {
                ["pathPattern"] = parse.GetValue(path),
                ["event"] = parse.GetValue(eventName),
                ["name"] = name,
                ["qualifier"] = qualifier,
                ["includeBody"] = parse.GetValue(includeBody),
            };
            var id = parse.GetValue(distribution)!;
            var bound = await context.Client.SendJsonAsync(HttpMethod.Put, RegistryClient.Path("distributions", id, "bindings"), body, cancellationToken);
            return context.Output.Answer(bound, (w, _) => w.WriteLine($"{id} {parse.GetValue(path)} {parse.GetValue(eventName)} → {name}:{qualifier}"));
        });
        return command;
    }

    public static Command CreateUnbind(RegistryOptions registry)
    {
        var (distribution, path, eventName) = Target();
        var command = registry.AddTo(new Command("unbind", "Stop running a function at an event of a distribution's cache behaviour.")
        {
            distribution, path, eventName,
        });
        registry.SetAction(command, async (parse, context, cancellationToken) =>
        {
            var id = parse.GetValue(distribution)!;
            var query = $"?pathPattern={Uri.EscapeDataString(parse.GetValue(path)!)}&event={Uri.EscapeDataString(parse.GetValue(eventName)!)}";
            var unbound = await context.Client.DeleteAsync(RegistryClient.Path("distributions", id, "bindings") + query, cancellationToken);
            return context.Output.Answer(unbound, (w, _) => w.WriteLine($"{id} {parse.GetValue(path)} {parse.GetValue(eventName)}: no function"));
        });
        return command;
    }

    /// <summary><c>hello:live</c> → (hello, live); <c>hello</c> → (hello, $LATEST).</summary>
    public static (string Name, string Qualifier) SplitQualifier(string function)
    {
        var colon = function.LastIndexOf(':');
        return colon < 0 ? (function, DefaultQualifier) : (function[..colon], function[(colon + 1)..]);
    }

    private static (Argument<string> Distribution, Option<string> Path, Option<string> Event) Target()
    {
        var distribution = new Argument<string>("distribution") { Description = "The distribution's id" };
        var path = new Option<string>("--path") { Description = "The cache behaviour's path pattern, e.g. '*' or '/api/*'", Required = true, HelpName = "PATTERN" };
        var eventName = new Option<string>("--event") { Description = "viewer-request, origin-request, origin-response or viewer-response", Required = true, HelpName = "EVENT" }
            .AcceptOnlyFromAmong([.. Enum.GetValues<EdgeEventType>().Select(e => e.ToWireName())]);
        return (distribution, path, eventName);
    }
}
