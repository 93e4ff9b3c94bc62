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
        var runtime = new Option<string>("--runtime")
        {
            Description = "nodejs (or a Lambda runtime name such as nodejs20.x), cloudfront-js-1.0 or cloudfront-js-2.0", DefaultValueFactory = _ => "nodejs",
        };
        var kvs = new Option<string[]>("--kvs")
        {
            Description = "ID=FILE.json: a key-value store associated with the (CloudFront) function; repeatable",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var engine = new Option<string?>("--engine") { Description = "v8 or jint (default: the function's engine setting, else v8)" };
        var handler = new Option<string?>("--handler") { Description = "file.export (default index.handler)" };
        var command = new Command("test", "Run a function once on an event, locally, exactly as the edge node would.")
        {
            code, eventFile, eventType, runtime, engine, handler, kvs,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(code)!, parse.GetValue(eventFile)!, parse.GetValue(eventType),
            parse.GetValue(runtime)!, parse.GetValue(engine), parse.GetValue(handler), parse.GetValue(kvs) ?? [], cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string codePath, string eventPath, string? eventTypeName, string runtimeName, string? engine,
        string? handler, string[] kvsArguments, CancellationToken cancellationToken)
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
        var isCffRuntime = runtimeName is "cloudfront-js-1.0" or "cloudfront-js-2.0";
        if (!runtimeName.StartsWith("nodejs", StringComparison.Ordinal) && !isCffRuntime)
        {
            errors.Add($"--runtime: '{runtimeName}' is not supported (nodejs, cloudfront-js-1.0, cloudfront-js-2.0)");
        }
        var stores = ReadStores(kvsArguments, errors);
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
        var function = FunctionCodeLoader.Load(codePath, handler, engine is not null && FunctionEngines.IsKnown(engine) ? engine : null, errors,
            isCffRuntime ? runtimeName : null, stores);
        if (errors.Count > 0 || function is null || eventDocument is null)
        {
            return BadArguments(errors);
        }
        using var document = CloudFrontEventConverter.IsCloudFrontEvent(eventDocument.RootElement)
            ? CloudFrontEventConverter.ToLambdaEvent(eventDocument.RootElement) : eventDocument;
        if (!ReferenceEquals(document, eventDocument))
        {
            eventDocument.Dispose();
        }
        var created = EventContextFactory.Create(document.RootElement, function, eventType, errors);
        if (created is not { } setup)
        {
            return BadArguments(errors);
        }

        var logs = new CollectingLogSink();
        using var functions = new FunctionRuntime(logs, Options.Create(new FunctionRuntimeOptions { NodeId = "edge-test", FullResults = true }), TimeProvider.System);
        var inputs = new EventInputBuilder(new DefaultObjectPoolProvider().CreateStringBuilderPool());
        var input = await inputs.BuildAsync(setup.Context, setup.Edge, setup.Binding, cancellationToken);
        var originBefore = setup.Edge.Origin;
        using var result = await functions.InvokeAsync(function, input, cancellationToken);
        var isCff = function.CloudFrontVersion is not null;

        JsonNode? error = null;
        JsonNode? value = null;
        if (result.Outcome == InvocationOutcome.Ok)
        {
            value = JsonNode.Parse(result.Result.GetRawText());
            if (isCff && value is JsonObject converted && converted["cffResult"] is { } cffResult)
            {
                // What the function returned; the node applies its Lambda@Edge form (the rest of the object).
                converted.Remove("cffResult");
                value = cffResult;
            }
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
        if (isCff)
        {
            output["origin"] = ReferenceEquals(setup.Edge.Origin, originBefore) ? null : OriginOutput(setup.Edge.Origin);
            output["computeUtilization"] = result.ComputeUtilization;
        }
        Console.Out.WriteLine(output.ToJsonString(Pretty));
        return 0;
    }

    private static JsonObject OriginOutput(OriginModel origin) => new()
    {
        ["id"] = origin.Id,
        ["domainName"] = origin.DomainName,
        ["port"] = origin.Port,
        ["protocol"] = origin.Protocol,
        ["path"] = origin.Path,
        ["readTimeout"] = origin.ReadTimeoutSeconds,
        ["keepaliveTimeout"] = origin.KeepaliveTimeoutSeconds,
        ["customHeaders"] = new JsonObject(origin.CustomHeaders.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value)))),
    };

    /// <summary><c>--kvs ID=FILE.json</c> arguments, read and checked as the node reads the config's stores.</summary>
    private static List<KeyValueStoreModel> ReadStores(string[] arguments, List<string> errors)
    {
        var configs = new List<EdgeCompute.EdgeNode.Configuration.KeyValueStoreConfig>();
        foreach (var argument in arguments)
        {
            var eq = argument.IndexOf('=');
            if (eq <= 0 || eq == argument.Length - 1)
            {
                errors.Add($"--kvs: '{argument}' is not ID=FILE.json");
                continue;
            }
            configs.Add(new() { Id = argument[..eq], File = argument[(eq + 1)..] });
        }
        var configErrors = new List<EdgeCompute.EdgeNode.Configuration.ConfigError>();
        var stores = EdgeCompute.EdgeNode.Configuration.KeyValueStoreReader.Read(Path.Combine(Environment.CurrentDirectory, "edge-test"), configs, configErrors);
        errors.AddRange(configErrors.Select(e => "--kvs: " + e));
        return configs.Where(c => c.Id is not null && stores.ContainsKey(c.Id)).Select(c => stores[c.Id!]).Distinct().ToList();
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
