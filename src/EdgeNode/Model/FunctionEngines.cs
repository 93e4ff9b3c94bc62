namespace EdgeCompute.EdgeNode.Model;

/// <summary>The JavaScript engines a function can run on (its <c>engine</c> setting).</summary>
public static class FunctionEngines
{
    /// <summary>V8 through ClearScript, the default.</summary>
    public const string V8 = "v8";

    /// <summary>Jint, a JavaScript interpreter written in .NET.</summary>
    public const string Jint = "jint";

    public static IReadOnlyList<string> All { get; } = [V8, Jint];

    public static bool IsKnown(string engine) => engine is V8 or Jint;
}
