using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>The one place that picks a function's engine.</summary>
internal static class FunctionIsolateFactory
{
    /// <summary>Creates an isolate on the function's engine, loads its modules and runs their top-level code.</summary>
    public static IFunctionIsolate Create(FunctionModel function, FunctionRuntimeOptions options) => function.Engine switch
    {
        FunctionEngines.V8 => FunctionIsolate.Create(function, options),
        FunctionEngines.Jint => JintFunctionIsolate.Create(function, options),
        // Configuration validates the setting; a model built in code with anything else is a bug.
        _ => throw new ArgumentException($"engine '{function.Engine}' is not one of {string.Join(", ", FunctionEngines.All)}", nameof(function)),
    };
}
