using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using EdgeCompute.EdgeCli.Emulation;
using EdgeCompute.EdgeNode.Events;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Pipeline;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.Extensions.ObjectPool;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeCli.Commands;

/// <summary>
/// <c>edge test</c>: runs a function once on an event with the node's own runtime and validation,
/// and prints <c>{"result", "error", "logs", "durationMs"}</c>. Exit 0 when the function ran (even
/// if it failed), 2 for bad arguments.
/// </summary>
internal static class TestCommand
{
    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true };

    public static Command Create()
    {
        var code = new Option<string>("--code") { Description = "The function: a file, or a folder with index.js", Required = true };
        var eventFile = new Option<string>("--event") { Description = "A Lambda@Edge event JSON file ({\"Records\":[{\"cf\":...}]})", Required = true };
        var eventType = new Option<string?>("--event-type") { Description = "viewer-request, origin-request, origin-response or viewer-response (default: the event's config.eventType)" };
        var runtime = new Option<string>("--runtime") { Description = "nodejs (or a Lambda runtime name such as nodejs20.x)", DefaultValueFactory = _ => "nodejs" };
        var engine = new Option<string?>("--engine") { Description = "v8 or jint (default: the function's engine setting, else v8)" };
        var handler = new Option<string?>("--handler") { Description = "file.export (default index.handler)" };
        var command = new Command("test", "Run a function once on an event, locally, exactly as the edge node would.")
        {
            code, eventFile, eventType, runtime, engine, handler,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(code)!, parse.GetValue(eventFile)!, parse.GetValue(eventType),
            parse.GetValue(runtime)!, parse.GetValue(engine), parse.GetValue(handler), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string codePath, string eventPath, string? eventTypeName, string runtimeName, string? engine,
        string? handler, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        EdgeEventType? eventType = null;
        if (eventTypeName is not null)
        {
            if (EdgeEventTypeExtensions.TryParse(eventTypeName, out var parsed))
            {
                eventType = parsed;
            }
            else
            {
                errors.Add($"--event-type: '{eventTypeName}' is not viewer-request, origin-request, origin-response or viewer-response");
            }
        }
        if (!runtimeName.StartsWith("nodejs", StringComparison.Ordinal))
        {
            errors.Add($"--runtime: '{runtimeName}' is not supported (nodejs)");
        }
        if (engine is not null && !FunctionEngines.IsKnown(engine))
        {
            errors.Add($"--engine: '{engine}' is not supported ({string.Join(", ", FunctionEngines.All)})");
        }
        JsonDocument? eventDocument = null;
        try
        {
            eventDocument = JsonDocument.Parse(File.ReadAllText(eventPath));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            errors.Add($"--event: {ex.Message}");
        }
        // An unknown engine is reported above; the function is still read, for its own errors.
        var function = FunctionCodeLoader.Load(codePath, handler, engine is not null && FunctionEngines.IsKnown(engine) ? engine : null, errors);
        if (errors.Count > 0 || function is null || eventDocument is null)
        {
            return BadArguments(errors);
        }
        using var document = eventDocument;
        var created = EventContextFactory.Create(document.RootElement, function, eventType, errors);
        if (created is not { } setup)
        {
            return BadArguments(errors);
        }

        var logs = new CollectingLogSink();
        using var functions = new FunctionRuntime(logs, Options.Create(new FunctionRuntimeOptions { NodeId = "edge-test", FullResults = true }), TimeProvider.System);
        var inputs = new EventInputBuilder(new DefaultObjectPoolProvider().CreateStringBuilderPool());
        var input = await inputs.BuildAsync(setup.Context, setup.Edge, setup.Binding, cancellationToken);
        using var result = await functions.InvokeAsync(function, input, cancellationToken);

        JsonNode? error = null;
        JsonNode? value = null;
        if (result.Outcome == InvocationOutcome.Ok)
        {
            value = JsonNode.Parse(result.Result.GetRawText());
            var validation = EdgeFunctionInvoker.ApplyResult(result.Result, result.IsDelta, setup.Context, setup.Edge, setup.Binding, out _, out _);
            if (validation is not null)
            {
                error = Error("validation", validation);
            }
        }
        else
        {
            var type = result.Outcome switch
            {
                InvocationOutcome.InvalidResult => "validation",
                InvocationOutcome.ExecutionError => "execution",
                _ => "limit",
            };
            error = Error(type, result.Message ?? result.Outcome.ToString());
        }
        var output = new JsonObject
        {
            ["result"] = value,
            ["error"] = error,
            ["logs"] = new JsonArray(logs.Lines.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
            ["durationMs"] = Math.Round(result.Duration.TotalMilliseconds, 3),
        };
        Console.Out.WriteLine(output.ToJsonString(Pretty));
        return 0;
    }

    private static JsonObject Error(string type, string message) => new() { ["type"] = type, ["message"] = message };

    private static int BadArguments(IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine("edge test: " + error);
        }
        return 2;
    }
}
