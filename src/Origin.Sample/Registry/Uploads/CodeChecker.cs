using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Runtime;
using EdgeCompute.Origin.Sample.Registry.Functions;
using EdgeCompute.Origin.Sample.Registry.Problems;

namespace EdgeCompute.Origin.Sample.Registry.Uploads;

/// <summary>
/// Refuses code that a node would refuse to load, at upload and again at publish (the settings,
/// e.g. the handler, may have changed in between). Compiles with the node's own checker so that the
/// registry and the nodes can never disagree on what is valid.
/// </summary>
internal static class CodeChecker
{
    public static void CheckFunction(ZipContents contents, FunctionSettings settings)
    {
        var sources = new Dictionary<string, string>(contents.Sources, StringComparer.Ordinal);
        if (settings.IsCloudFrontFunction)
        {
            if (contents.UnzippedBytes > EdgeLimits.CloudFrontFunctionCodeSizeLimit)
            {
                throw RegistryProblemException.BadRequest(ErrorCodes.CodeTooLarge,
                    $"a CloudFront Function's code is at most {EdgeLimits.CloudFrontFunctionCodeSizeLimit} bytes (10 KB); this one is {contents.UnzippedBytes}");
            }
            foreach (var path in sources.Keys.Where(IsScript).ToList())
            {
                sources[path] = CloudFrontFunctionSource.Transform(sources[path], settings.Runtime);
            }
        }
        var dot = settings.Handler.LastIndexOf('.');
        var module = settings.Handler[..dot];
        if (!sources.ContainsKey(module + ".js") && !sources.ContainsKey(module))
        {
            throw RegistryProblemException.BadRequest(ErrorCodes.HandlerNotFound,
                $"handler '{settings.Handler}' needs the file '{module}.js' at the root of the zip; it has {Describe(sources.Keys)}");
        }
        CheckSyntax(sources, settings.Engine);
    }

    /// <summary>A layer has no handler; its scripts must still compile (on V8, the default engine).</summary>
    public static void CheckLayer(ZipContents contents) =>
        CheckSyntax(contents.Sources, FunctionEngines.V8);

    private static void CheckSyntax(IReadOnlyDictionary<string, string> sources, string engine)
    {
        var scripts = sources.Where(s => IsScript(s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        var errors = FunctionCodeChecker.Check(scripts, engine).Select(e => SyntaxErrorLocation.From(e.File, e.Message)).ToList();
        if (errors.Count > 0)
        {
            throw RegistryProblemException.BadRequest(ErrorCodes.SyntaxError,
                    string.Join("; ", errors.Select(e => $"{e.File}:{e.Line}:{e.Column}: {e.Message}")))
                .With("errors", errors);
        }
    }

    private static bool IsScript(string path) => path.EndsWith(".js", StringComparison.Ordinal);

    private static string Describe(IEnumerable<string> files)
    {
        var list = files.Take(10).ToList();
        return list.Count == 0 ? "no source files" : string.Join(", ", list);
    }
}
