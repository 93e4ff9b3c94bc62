using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Runtime;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>
/// Reads one function folder (<c>functions/NAME/</c>): its <c>.js</c>/<c>.json</c> files and its
/// settings (<c>function.json</c>, overridden by the config file's <c>functions</c> map).
/// </summary>
internal static class FunctionDirectoryReader
{
    private static readonly HashSet<string> Runtimes = ["nodejs16.x", "nodejs18.x", "nodejs20.x", "nodejs22.x", "cloudfront-js-1.0", "cloudfront-js-2.0"];

    public static FunctionModel? Read(string functionsDirectory, string name, FunctionSettingsConfig? overrides,
        int maxCodeBytes, List<ConfigError> errors, IReadOnlyDictionary<string, KeyValueStoreModel>? stores = null)
    {
        var folder = Path.Combine(functionsDirectory, name);
        if (name.Contains('/') || name.Contains('\\') || name.StartsWith('.') || !Directory.Exists(folder))
        {
            errors.Add(new ConfigError(folder, "", $"function '{name}' has no folder (expected {Path.Combine(folder, "index.js")})"));
            return null;
        }
        var settingsFile = Path.Combine(folder, "function.json");
        var settings = File.Exists(settingsFile) ? EdgeConfigReader.Read<FunctionSettingsConfig>(settingsFile, errors) : new FunctionSettingsConfig();
        if (settings is null)
        {
            return null;
        }
        settings = Merge(settings, overrides);
        var before = errors.Count;
        var where = File.Exists(settingsFile) ? settingsFile : folder;

        var handler = settings.Handler ?? "index.handler";
        var dot = handler.LastIndexOf('.');
        if (dot <= 0 || dot == handler.Length - 1)
        {
            errors.Add(new ConfigError(where, "$.handler", $"'{handler}' is not of the form file.export (e.g. index.handler)"));
        }
        var runtime = settings.Runtime ?? "nodejs20.x";
        if (!Runtimes.Contains(runtime))
        {
            errors.Add(new ConfigError(where, "$.runtime", $"'{runtime}' is not supported; use one of {string.Join(", ", Runtimes)}"));
        }
        var isCff = runtime.StartsWith(FunctionModel.CloudFrontRuntimePrefix, StringComparison.Ordinal);
        var associated = new List<KeyValueStoreModel>();
        for (var i = 0; i < (settings.KeyValueStores?.Count ?? 0); i++)
        {
            var id = settings.KeyValueStores![i];
            if (runtime != "cloudfront-js-2.0")
            {
                errors.Add(new ConfigError(where, "$.keyValueStores", $"key-value stores are for CloudFront Functions on runtime cloudfront-js-2.0 only (this one is {runtime})"));
                break;
            }
            if (stores is null || !stores.TryGetValue(id, out var store))
            {
                errors.Add(new ConfigError(where, $"$.keyValueStores[{i}]", $"no key-value store '{id}' in the config's keyValueStores"));
            }
            else
            {
                associated.Add(store);
            }
        }
        var memory = settings.MemorySize ?? 128;
        if (memory is < 128 or > 10240)
        {
            errors.Add(new ConfigError(where, "$.memorySize", $"{memory} MB is outside 128–10240"));
        }
        var timeout = settings.Timeout ?? EdgeLimits.OriginTimeout.TotalSeconds;
        if (timeout is <= 0 or > 30)
        {
            errors.Add(new ConfigError(where, "$.timeout", $"{timeout} s is outside (0, 30]"));
        }
        if (settings.MaxConcurrency is < 1)
        {
            errors.Add(new ConfigError(where, "$.maxConcurrency", "must be at least 1"));
        }
        for (var i = 0; i < (settings.AllowedHosts?.Count ?? 0); i++)
        {
            var entry = settings.AllowedHosts![i];
            if (string.IsNullOrWhiteSpace(entry) || entry.Contains('/') || entry.Contains('*') || entry.Contains('@'))
            {
                errors.Add(new ConfigError(where, $"$.allowedHosts[{i}]", $"'{entry}' is not a host or host:port"));
            }
        }
        FunctionEnvironmentRules.Check(settings.Environment, where, errors);
        var engine = settings.Engine ?? FunctionEngines.V8;
        if (!FunctionEngines.IsKnown(engine))
        {
            errors.Add(new ConfigError(where, "$.engine", $"'{engine}' is not supported; use one of {string.Join(", ", FunctionEngines.All)}"));
        }

        // A CloudFront Function is one small file: CloudFront's 10 KB, whatever event it is bound to.
        var files = ReadFiles(folder, isCff ? Math.Min(maxCodeBytes, EdgeLimits.CloudFrontFunctionCodeSizeLimit) : maxCodeBytes, errors);
        if (files is null || errors.Count > before)
        {
            return null;
        }
        if (isCff)
        {
            foreach (var path in files.Keys.Where(p => p.EndsWith(".js", StringComparison.Ordinal)).ToList())
            {
                files[path] = CloudFrontFunctionSource.Transform(files[path], runtime);
            }
        }
        var module = handler[..dot];
        var handlerFile = files.ContainsKey(module + ".js") ? module + ".js" : module;
        if (!files.ContainsKey(handlerFile))
        {
            errors.Add(new ConfigError(Path.Combine(folder, module + ".js"), "", $"handler module of '{handler}' not found"));
            return null;
        }
        foreach (var error in FunctionCodeChecker.Check(files, engine))
        {
            errors.Add(new ConfigError(Path.Combine(folder, error.File), "", error.Message));
        }
        if (errors.Count > before)
        {
            return null;
        }
        return new FunctionModel
        {
            Name = name,
            Files = files,
            HandlerModule = handlerFile,
            HandlerExport = handler[(dot + 1)..],
            Runtime = runtime,
            MemorySizeMb = memory,
            Timeout = TimeSpan.FromSeconds(timeout),
            MaxConcurrency = settings.MaxConcurrency ?? 64,
            Engine = engine,
            KeyValueStores = associated,
            AllowedHosts = settings.AllowedHosts ?? [],
            Environment = settings.Environment ?? new Dictionary<string, string>(),
            FunctionName = settings.Identity?.Name ?? name,
            Version = settings.Identity?.Version ?? "$LATEST",
            Account = settings.Identity?.Account ?? FunctionModel.StandaloneAccount,
            VersionKey = VersionKey(name, files, settings, associated),
        };
    }

    private static FunctionSettingsConfig Merge(FunctionSettingsConfig file, FunctionSettingsConfig? overrides) =>
        overrides is null ? file : new FunctionSettingsConfig
        {
            Runtime = overrides.Runtime ?? file.Runtime,
            Handler = overrides.Handler ?? file.Handler,
            MemorySize = overrides.MemorySize ?? file.MemorySize,
            Timeout = overrides.Timeout ?? file.Timeout,
            MaxConcurrency = overrides.MaxConcurrency ?? file.MaxConcurrency,
            Engine = overrides.Engine ?? file.Engine,
            KeyValueStores = overrides.KeyValueStores ?? file.KeyValueStores,
            AllowedHosts = overrides.AllowedHosts ?? file.AllowedHosts,
            Environment = overrides.Environment ?? file.Environment,
            Identity = overrides.Identity ?? file.Identity,
        };

    private static SortedDictionary<string, string>? ReadFiles(string folder, int maxCodeBytes, List<ConfigError> errors)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        long total = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (relative == NodeModulesZip)
            {
                if (!ReadNodeModulesZip(path, files, maxCodeBytes, ref total, errors))
                {
                    return null;
                }
                continue;
            }
            if (relative == "function.json" || !IsCode(relative))
            {
                continue;
            }
            var text = File.ReadAllText(path);
            total += Encoding.UTF8.GetByteCount(text);
            files[relative] = text;
        }
        if (total > maxCodeBytes)
        {
            errors.Add(new ConfigError(folder, "", $"code is {total} bytes, over the {maxCodeBytes}-byte limit for the events it is bound to"));
            return null;
        }
        return files;
    }

    /// <summary>Dependencies shipped zipped, as a deployment package holds them: <c>node_modules.zip</c> next to index.js.</summary>
    private const string NodeModulesZip = "node_modules.zip";

    private static bool IsCode(string path) => path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal);

    /// <summary>
    /// Adds the zip's .js and .json entries under <c>node_modules/</c> (entries may or may not start
    /// with it). Uncompressed bytes count against the code size limit as they are read, so that a zip
    /// bomb stops at the limit; entries that climb out of the folder are refused.
    /// </summary>
    private static bool ReadNodeModulesZip(string zipPath, SortedDictionary<string, string> files, int maxCodeBytes, ref long total,
        List<ConfigError> errors)
    {
        try
        {
            using var archive = System.IO.Compression.ZipFile.OpenRead(zipPath);
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                if (name.EndsWith('/') || !IsCode(name))
                {
                    continue;
                }
                if (name.StartsWith('/') || name.Split('/').Any(part => part is ".." or "."))
                {
                    errors.Add(new ConfigError(zipPath, "", $"entry '{entry.FullName}' points outside the function's folder"));
                    return false;
                }
                var relative = name.StartsWith("node_modules/", StringComparison.Ordinal) ? name : "node_modules/" + name;
                using var stream = entry.Open();
                using var limited = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > maxCodeBytes)
                    {
                        errors.Add(new ConfigError(zipPath, "", $"code (with the unzipped {NodeModulesZip}) is over the {maxCodeBytes}-byte limit for the events it is bound to"));
                        return false;
                    }
                    limited.Write(buffer, 0, read);
                }
                files.TryAdd(relative, Encoding.UTF8.GetString(limited.GetBuffer(), 0, (int)limited.Length));
            }
            return true;
        }
        catch (InvalidDataException ex)
        {
            errors.Add(new ConfigError(zipPath, "", $"is not a readable zip file: {ex.Message}"));
            return false;
        }
    }

    internal static string VersionKey(string name, IReadOnlyDictionary<string, string> files, FunctionSettingsConfig settings,
        IReadOnlyList<KeyValueStoreModel>? stores = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(name + "\0" + JsonSerializer.Serialize(settings) + "\0"));
        foreach (var store in stores ?? [])
        {
            // A store's new contents make new isolates: they hold the contents.
            hash.AppendData(Encoding.UTF8.GetBytes(store.Id + "\0" + store.ContentHash + "\0"));
        }
        foreach (var (path, text) in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path + "\0" + text + "\0"));
        }
        return name + ":" + Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
