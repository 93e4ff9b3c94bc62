using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Runtime;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>
/// Compiles a function's files in a throwaway isolate so that a syntax error is reported with file,
/// line and column when the configuration loads, not on the first request.
/// </summary>
internal static class FunctionCodeChecker
{
    public sealed record CodeError(string File, string Message);

    /// <summary>Compiles every <c>.js</c> file on the engine that will run it (<see cref="FunctionEngines"/>).</summary>
    public static IReadOnlyList<CodeError> Check(IReadOnlyDictionary<string, string> files, string functionEngine = FunctionEngines.V8)
    {
        if (functionEngine == FunctionEngines.Jint)
        {
            return CheckJint(files);
        }
        var errors = new List<CodeError>();
        using var engine = new V8ScriptEngine(V8ScriptEngineFlags.DisableGlobalMembers);
        foreach (var (path, source) in files)
        {
            if (!path.EndsWith(".js", StringComparison.Ordinal))
            {
                continue;
            }
            try
            {
                using var script = engine.Compile(new DocumentInfo(path),
                    "(function (exports, require, module, __filename, __dirname) {" + source + "\n})");
            }
            catch (ScriptEngineException ex)
            {
                errors.Add(new CodeError(path, FirstLine(ex.ErrorDetails)));
            }
        }
        return errors;
    }

    // Jint parses with its own parser (Acornima), which may accept or refuse other code than V8 does.
    private static List<CodeError> CheckJint(IReadOnlyDictionary<string, string> files)
    {
        var errors = new List<CodeError>();
        foreach (var (path, source) in files)
        {
            if (!path.EndsWith(".js", StringComparison.Ordinal))
            {
                continue;
            }
            try
            {
                Jint.Engine.PrepareScript("(function (exports, require, module, __filename, __dirname) {" + source + "\n})", path,
                    options: new Jint.ScriptPreparationOptions { StaticAnalysis = false });
            }
            catch (Jint.ScriptPreparationException ex) when (ex.InnerException is Acornima.ParseErrorException parse)
            {
                errors.Add(new CodeError(path, JintFunctionIsolate.SyntaxError(parse)));
            }
        }
        return errors;
    }

    // V8's details read "SyntaxError: Unexpected token ')'\n    at index.js:3:14 -> ...".
    private static string FirstLine(string details)
    {
        var lines = details.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var location = lines.Skip(1).FirstOrDefault(l => l.StartsWith("at ", StringComparison.Ordinal));
        return location is null ? lines[0] : $"{lines[0]} ({location[3..].Split(" -> ")[0]})";
    }
}
