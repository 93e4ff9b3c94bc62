using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeCli.Emulation;

/// <summary>Loads a function for <c>edge test</c>: a folder (as the node reads it) or a single file.</summary>
internal static class FunctionCodeLoader
{
    public static FunctionModel? Load(string path, string? handler, List<string> errors)
    {
        var full = Path.GetFullPath(path);
        var configErrors = new List<ConfigError>();
        FunctionModel? function = null;
        if (Directory.Exists(full))
        {
            var overrides = handler is null ? null : new FunctionSettingsConfig { Handler = handler };
            function = FunctionDirectoryReader.Read(Path.GetDirectoryName(full)!, Path.GetFileName(full), overrides,
                EdgeLimits.OriginCodeSizeLimit, configErrors);
        }
        else if (File.Exists(full))
        {
            function = LoadFile(full, handler, configErrors);
        }
        else
        {
            errors.Add($"--code: '{path}' is neither a file nor a folder");
            return null;
        }
        errors.AddRange(configErrors.Select(e => e.ToString()));
        return function;
    }

    private static FunctionModel? LoadFile(string file, string? handler, List<ConfigError> errors)
    {
        var name = Path.GetFileName(file);
        var files = new Dictionary<string, string> { [name] = File.ReadAllText(file) };
        foreach (var error in FunctionCodeChecker.Check(files))
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
        };
    }
}
