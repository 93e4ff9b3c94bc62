using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Runtime;

namespace EdgeCompute.EdgeCli.Emulation;

/// <summary>Loads a function for <c>edge test</c>: a folder (as the node reads it) or a single file.</summary>
internal static class FunctionCodeLoader
{
    /// <param name="engine">Overrides the function's own <c>engine</c> setting when given.</param>
    /// <param name="runtime">A CloudFront Functions runtime (<c>cloudfront-js-1.0</c>/<c>2.0</c>), or null for the function's own (Lambda@Edge) one.</param>
    /// <param name="stores">Key-value stores associated with the function (CloudFront Functions).</param>
    public static FunctionModel? Load(string path, string? handler, string? engine, List<string> errors,
        string? runtime = null, IReadOnlyList<KeyValueStoreModel>? stores = null)
    {
        var full = Path.GetFullPath(path);
        var configErrors = new List<ConfigError>();
        FunctionModel? function = null;
        if (Directory.Exists(full))
        {
            var overrides = handler is null && engine is null && runtime is null && stores is not { Count: > 0 } ? null : new FunctionSettingsConfig
            {
                Handler = handler, Engine = engine, Runtime = runtime,
                KeyValueStores = stores is { Count: > 0 } ? stores.Select(s => s.Id).ToList() : null,
            };
            function = FunctionDirectoryReader.Read(Path.GetDirectoryName(full)!, Path.GetFileName(full), overrides,
                EdgeLimits.OriginCodeSizeLimit, configErrors, stores?.ToDictionary(s => s.Id));
        }
        else if (File.Exists(full))
        {
            function = LoadFile(full, handler, engine ?? FunctionEngines.V8, configErrors, runtime, stores ?? []);
        }
        else
        {
            errors.Add($"--code: '{path}' is neither a file nor a folder");
            return null;
        }
        errors.AddRange(configErrors.Select(e => e.ToString()));
        return function;
    }

    private static FunctionModel? LoadFile(string file, string? handler, string engine, List<ConfigError> errors,
        string? runtime, IReadOnlyList<KeyValueStoreModel> stores)
    {
        var name = Path.GetFileName(file);
        var source = File.ReadAllText(file);
        if (runtime is not null)
        {
            source = CloudFrontFunctionSource.Transform(source, runtime);
        }
        var files = new Dictionary<string, string> { [name] = source };
        foreach (var error in FunctionCodeChecker.Check(files, engine))
        {
            errors.Add(new ConfigError(file, "", error.Message));
        }
        var export = handler is { } h && h.LastIndexOf('.') is var dot and > 0 ? h[(dot + 1)..] : "handler";
        return errors.Count > 0 ? null : new FunctionModel
        {
            Name = Path.GetFileNameWithoutExtension(file),
            Files = files,
            HandlerModule = name,
            HandlerExport = export,
            VersionKey = "edge-test:" + name,
            Engine = engine,
            Runtime = runtime ?? "nodejs20.x",
            KeyValueStores = stores,
        };
    }
}
